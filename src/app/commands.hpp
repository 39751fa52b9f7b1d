#pragma once
// Each subcommand as a function of its settings, so tests can run them
// without a process. Output goes to the given streams; errors are one line.
#include <iosfwd>

#include "platform/config/settings.hpp"

namespace safeboard::app {

int serve(const config::Settings& settings, std::ostream& err);
int migrate(const config::Settings& settings, std::ostream& out, std::ostream& err);
int load_demo(const config::Settings& settings, std::ostream& out, std::ostream& err);
int check(const config::Settings& settings, std::ostream& out, std::ostream& err);
// Writes a new key file for learning reviews' sensitive details (reviews_key_file), never over one.
// With `if_missing`, a key file already there is kept and that is no error.
int create_key(const config::Settings& settings, bool if_missing, std::ostream& out, std::ostream& err);

}  // namespace safeboard::app
