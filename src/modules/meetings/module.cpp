#include "modules/meetings/module.hpp"

SAFEBOARD_EMBEDDED_TABLE(meetings_migrations)

namespace safeboard::meetings {

std::span<const embed::File> migrations() { return embed::tables::meetings_migrations(); }

}  // namespace safeboard::meetings
