#include "modules/performance/module.hpp"

SAFEBOARD_EMBEDDED_TABLE(performance_migrations)

namespace safeboard::performance {

std::span<const embed::File> migrations() { return embed::tables::performance_migrations(); }

}  // namespace safeboard::performance
