#pragma once
// Errors travel as values: an operation that can fail in an expected way
// (bad input, missing record, conflict, refusal) returns Result<T>. The HTTP
// layer maps ErrorKind to a status in one place (platform/http/problem.cpp).
#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace safeboard {

enum class ErrorKind {
    validation,      // input is wrong; fields name what
    not_found,
    conflict,        // would break a uniqueness or state rule
    forbidden,
    unauthenticated,
    unavailable,     // a dependency (database) does not answer
    internal,
};

struct FieldError {
    std::string field;
    std::string message;
    bool operator==(const FieldError&) const = default;
};

struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string message;
    std::vector<FieldError> fields;
};

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
    return std::unexpected(Error{kind, std::move(message), {}});
}

inline std::unexpected<Error> invalid(std::vector<FieldError> fields,
                                      std::string message = "The input has errors") {
    return std::unexpected(Error{ErrorKind::validation, std::move(message), std::move(fields)});
}

// Whether a result succeeded, without its value: a save that gives an id,
// answered where only success or the error matters.
template <typename T>
Status status_of(const Result<T>& result) {
    if (result) return {};
    return std::unexpected(result.error());
}

const char* to_string(ErrorKind kind);

}  // namespace safeboard
