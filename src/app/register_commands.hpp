#pragma once
// `safeboard import KIND FILE --partnership P` and `safeboard export KIND
// --partnership P`: the register's spreadsheets from the command line, the
// same import as the web upload (all or nothing, every bad row named).
#include <ostream>
#include <string>

#include "app/command_support.hpp"
#include "platform/config/settings.hpp"

namespace safeboard::app {

int import_sheet(const config::Settings& settings, const SheetOptions& options, std::ostream& out, std::ostream& err);
int export_sheet(const config::Settings& settings, const SheetOptions& options, std::ostream& out, std::ostream& err);

}  // namespace safeboard::app
