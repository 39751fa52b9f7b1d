#pragma once
// Just enough XML to hold the charts to well-formedness: elements, quoted
// attributes, text and character references, every tag closed in order, one
// root, valid UTF-8 and no character XML forbids. Anything else (comments,
// CDATA, a DOCTYPE, an unknown entity) is an error, as the charts never
// write it. The tree lets tests ask about structure rather than bytes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safeboard::charts::testing {

struct Element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;  // values with references decoded
    std::vector<Element> children;
    std::string text;   // this element's own text, decoded
    std::string shown;  // its text and its descendants', in order, leaving out <title> and <desc>

    bool has(std::string_view attribute) const;
    std::string operator[](std::string_view attribute) const;  // empty when absent
    double number(std::string_view attribute) const;
    // The text of a <title> child, if any.
    std::optional<std::string> title() const;
};

struct Parsed {
    std::optional<Element> root;
    std::string error;  // where and why, when root is empty
};

Parsed parse(std::string_view xml);

// Every element under (and including) `root` for which `keep` holds, in document order.
std::vector<const Element*> find_all(const Element& root, const std::function<bool(const Element&)>& keep);
std::vector<const Element*> named(const Element& root, std::string_view name);
std::vector<const Element*> with_class(const Element& root, std::string_view css_class);

}  // namespace safeboard::charts::testing
