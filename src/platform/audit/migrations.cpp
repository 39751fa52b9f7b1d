#include "platform/audit/audit.hpp"

SAFEBOARD_EMBEDDED_TABLE(audit_migrations)

namespace safeboard::audit {

std::span<const embed::File> migrations() {
    return embed::tables::audit_migrations();
}

}  // namespace safeboard::audit
