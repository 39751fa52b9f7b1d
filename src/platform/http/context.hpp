#pragma once
// What a handler gets besides the request: the request id, and a database
// connection leased on first use and returned when the handler ends.
// Handlers that use the database run on the worker pool (see router.hpp), so
// blocking there never stalls an I/O thread.
#include <optional>
#include <string>

#include "platform/db/pool.hpp"

namespace safeboard::http {

class Context {
public:
    Context(db::Pool* pool, std::string request_id)
        : pool_(pool), request_id_(std::move(request_id)) {}
    db::Connection& db();
    bool has_database() const { return pool_ != nullptr; }
    const std::string& request_id() const { return request_id_; }

private:
    db::Pool* pool_;
    std::optional<db::Lease> lease_;
    std::string request_id_;
};

}  // namespace safeboard::http
