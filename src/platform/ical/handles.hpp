#pragma once
// Ownership of what libical allocates. A component owns the properties and
// components added to it, so only roots are held here, and a child is
// release()d into its parent the moment it is added.
#include <libical/ical.h>

#include <memory>

namespace safeboard::ical {

struct FreeComponent {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, FreeComponent>;

// A zone owns the VTIMEZONE component it was made from.
struct FreeZone {
    void operator()(icaltimezone* zone) const { icaltimezone_free(zone, 1); }
};
using Zone = std::unique_ptr<icaltimezone, FreeZone>;

// Text from the *_r functions belongs to the caller.
struct FreeBuffer {
    void operator()(char* text) const { icalmemory_free_buffer(text); }
};
using Buffer = std::unique_ptr<char, FreeBuffer>;

// Adds the child and gives it to the parent.
inline void adopt(icalcomponent* parent, Component child) { icalcomponent_add_component(parent, child.release()); }

}  // namespace safeboard::ical
