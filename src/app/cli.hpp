#pragma once
// The safeboard command line: serve, migrate, check, demo, user, token,
// audit, import, export, remind and version (README: The binary).
namespace safeboard::app {

// Returns the process exit code: 0 success, 1 failure, 2 bad usage.
int run_cli(int argc, char** argv);

}  // namespace safeboard::app
