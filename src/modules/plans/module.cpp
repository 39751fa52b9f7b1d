#include "modules/plans/module.hpp"

SAFEBOARD_EMBEDDED_TABLE(plans_migrations)

namespace safeboard::plans {

std::span<const embed::File> migrations() { return embed::tables::plans_migrations(); }

}  // namespace safeboard::plans
