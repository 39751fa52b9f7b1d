#include "modules/reviews/module.hpp"

SAFEBOARD_EMBEDDED_TABLE(reviews_migrations)

namespace safeboard::reviews {

std::span<const embed::File> migrations() { return embed::tables::reviews_migrations(); }

}  // namespace safeboard::reviews
