#include "app/cli.hpp"

int main(int argc, char** argv) { return safeboard::app::run_cli(argc, argv); }
