#pragma once
// libsodium must be initialised before first use; every function in this
// library that calls it goes through here.

namespace safeboard::credentials {

// Initialises libsodium once (thread-safe); throws if it cannot.
void ensure_sodium();

}  // namespace safeboard::credentials
