#pragma once
// The platform's Gate (http/gate.hpp): finds who is asking from the session
// cookie or an API bearer token, refuses what the route's Access does not
// allow, and refuses a state-changing request that did not come from one of
// our own forms (a synchroniser token plus an Origin / Sec-Fetch-Site check).
// Every refusal is written to the audit log.
#include <optional>
#include <string>

#include "platform/auth/authenticator.hpp"
#include "platform/http/gate.hpp"

namespace safeboard::auth {

inline constexpr std::string_view session_cookie_name = "__Host-safeboard";
// For forms shown before sign-in (the sign-in and set-up pages): a random
// value in a cookie that the form must repeat (double submit). With the
// __Host- prefix no other site or subdomain can plant it.
inline constexpr std::string_view form_cookie_name = "__Host-safeboard-form";
inline constexpr std::string_view csrf_field = "csrf_token";

// The named cookie's value, if the request carries one that could be ours.
std::optional<std::string> cookie(const http::Request& request, std::string_view name);
std::string set_cookie(std::string_view name, std::string_view value);
std::string clear_cookie(std::string_view name);

// The token an anonymous form carries; sets the form cookie on the response
// when the browser has none yet.
std::string anonymous_form_token(const http::Request& request, http::Context& context);

// Where a browser that is not (fully) signed in goes instead.
inline constexpr std::string_view sign_in_path = "/sign-in";

class AuthGate : public http::Gate {
public:
    explicit AuthGate(Authenticator& authenticator) : auth_(authenticator) {}
    std::optional<http::Response> admit(const http::Route& route, const http::Request& request,
                                        http::Context& context) override;

private:
    Authenticator& auth_;
};

Client client_of(const http::Request& request);

}  // namespace safeboard::auth
