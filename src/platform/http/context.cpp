#include "platform/http/context.hpp"

#include <stdexcept>

namespace safeboard::http {

db::Connection& Context::db() {
    if (!pool_) throw std::logic_error("this route runs without a database");
    if (!lease_) lease_.emplace(pool_->acquire());
    return **lease_;
}

const access::Principal& Context::user() const {
    if (!principal_) throw std::logic_error("this route is open to anyone, so it has no signed-in user");
    return *principal_;
}

}  // namespace safeboard::http
