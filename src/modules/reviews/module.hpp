#pragma once
// How learning reviews plug into the application: its migrations (after
// the register's, whose partnerships, organisations and people it names).
#include <span>

#include "platform/embed/embedded.hpp"

namespace safeboard::reviews {

std::span<const embed::File> migrations();

}  // namespace safeboard::reviews
