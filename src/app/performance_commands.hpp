#pragma once
// The performance framework's command: agencies' returned figures imported
// from a CSV file (all or nothing, every bad row named).
#include <ostream>

#include "app/command_support.hpp"
#include "platform/config/settings.hpp"

namespace safeboard::app {

// `safeboard import returns FILE --partnership P`.
int import_returns(const config::Settings& settings, const SheetOptions& options, std::ostream& out,
                   std::ostream& err);

}  // namespace safeboard::app
