#include "platform/charts/xml.hpp"

#include <cstdlib>

#include "platform/core/text.hpp"

namespace safeboard::charts::testing {

namespace {

bool name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The characters XML 1.0 allows: no C0 controls but tab and line ends, no U+FFFE or U+FFFF.
bool allowed_characters(std::string_view text) {
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    }
    return text.find("\xEF\xBF\xBE") == std::string_view::npos && text.find("\xEF\xBF\xBF") == std::string_view::npos;
}

void append_utf8(std::string& out, unsigned long code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

class Parser {
public:
    explicit Parser(std::string_view xml) : xml_(xml) {}

    Parsed run() {
        if (!is_utf8(xml_)) return fail("not UTF-8");
        if (!allowed_characters(xml_)) return fail("a character XML forbids");
        skip_space();
        if (!looking_at("<")) return fail("no root element");
        Element root;
        if (!element(root)) return fail(error_);
        skip_space();
        if (at_ != xml_.size()) return fail("content after the root element");
        return {std::move(root), {}};
    }

private:
    Parsed fail(std::string why) { return {std::nullopt, why + " at byte " + std::to_string(at_)}; }
    bool error(std::string why) {
        if (error_.empty()) error_ = std::move(why);
        return false;
    }
    bool looking_at(std::string_view text) const { return xml_.substr(at_).starts_with(text); }
    void skip_space() {
        while (at_ < xml_.size() && space(xml_[at_])) ++at_;
    }

    bool name(std::string& out) {
        if (at_ >= xml_.size() || !name_start(xml_[at_])) return error("a name expected");
        std::size_t begin = at_;
        while (at_ < xml_.size() && name_char(xml_[at_])) ++at_;
        out = std::string(xml_.substr(begin, at_ - begin));
        return true;
    }

    // A character reference or one of the five predefined entities, after '&'.
    bool reference(std::string& out) {
        auto end = xml_.find(';', at_);
        if (end == std::string_view::npos || end - at_ > 10) return error("an unterminated reference");
        std::string_view ref = xml_.substr(at_, end - at_);
        at_ = end + 1;
        if (ref == "amp") return out += '&', true;
        if (ref == "lt") return out += '<', true;
        if (ref == "gt") return out += '>', true;
        if (ref == "quot") return out += '"', true;
        if (ref == "apos") return out += '\'', true;
        if (ref.size() < 2 || ref[0] != '#') return error("an unknown entity &" + std::string(ref) + ";");
        bool hex = ref[1] == 'x';
        std::string digits(ref.substr(hex ? 2 : 1));
        char* stop = nullptr;
        unsigned long code = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
        if (digits.empty() || *stop != '\0' || code == 0 || code > 0x10FFFF) return error("a bad character reference");
        append_utf8(out, code);
        return true;
    }

    // Text up to `stop`, references decoded; '<' is never allowed in it.
    bool characters(char stop, std::string& out) {
        while (at_ < xml_.size() && xml_[at_] != stop) {
            char c = xml_[at_];
            if (c == '<') return error("'<' in text or an attribute");
            ++at_;
            if (c == '&') {
                if (!reference(out)) return false;
            } else {
                out += c;
            }
        }
        return true;
    }

    bool attributes(Element& element) {
        while (true) {
            bool spaced = at_ < xml_.size() && space(xml_[at_]);
            skip_space();
            if (looking_at(">") || looking_at("/>")) return true;
            if (!spaced) return error("attributes must be separated by space");
            std::string key, value;
            if (!name(key)) return false;
            skip_space();
            if (!looking_at("=")) return error("'=' expected after " + key);
            ++at_;
            skip_space();
            if (at_ >= xml_.size() || (xml_[at_] != '"' && xml_[at_] != '\'')) return error("a quoted value expected");
            char quote = xml_[at_++];
            if (!characters(quote, value)) return false;
            if (at_ >= xml_.size()) return error("an unterminated attribute");
            ++at_;
            if (element.has(key)) return error("attribute " + key + " twice");
            element.attributes.emplace_back(key, value);
        }
    }

    bool element(Element& out) {
        ++at_;  // '<'
        if (!name(out.name) || !attributes(out)) return false;
        if (looking_at("/>")) return at_ += 2, true;
        ++at_;  // '>'
        while (true) {
            if (at_ >= xml_.size()) return error("<" + out.name + "> not closed");
            if (looking_at("</")) return end_tag(out);
            if (looking_at("<!") || looking_at("<?")) return error("a comment, CDATA or instruction");
            if (looking_at("<")) {
                Element child;
                if (!element(child)) return false;
                if (child.name != "title" && child.name != "desc") out.shown += child.shown;
                out.children.push_back(std::move(child));
                continue;
            }
            std::string text;
            if (!characters('<', text)) return false;
            out.text += text;
            out.shown += text;
        }
    }

    bool end_tag(const Element& open) {
        at_ += 2;
        std::string closing;
        if (!name(closing)) return false;
        skip_space();
        if (!looking_at(">")) return error("'>' expected");
        ++at_;
        if (closing != open.name) return error("</" + closing + "> closes <" + open.name + ">");
        return true;
    }

    std::string_view xml_;
    std::size_t at_ = 0;
    std::string error_;
};

void collect(const Element& element, const std::function<bool(const Element&)>& keep,
             std::vector<const Element*>& out) {
    if (keep(element)) out.push_back(&element);
    for (const auto& child : element.children) collect(child, keep, out);
}

}  // namespace

bool Element::has(std::string_view attribute) const {
    for (const auto& [key, value] : attributes) {
        if (key == attribute) return true;
    }
    return false;
}

std::string Element::operator[](std::string_view attribute) const {
    for (const auto& [key, value] : attributes) {
        if (key == attribute) return value;
    }
    return {};
}

double Element::number(std::string_view attribute) const { return std::stod((*this)[attribute]); }

std::optional<std::string> Element::title() const {
    for (const auto& child : children) {
        if (child.name == "title") return child.text;
    }
    return std::nullopt;
}

Parsed parse(std::string_view xml) { return Parser(xml).run(); }

std::vector<const Element*> find_all(const Element& root, const std::function<bool(const Element&)>& keep) {
    std::vector<const Element*> out;
    collect(root, keep, out);
    return out;
}

std::vector<const Element*> named(const Element& root, std::string_view name) {
    return find_all(root, [&](const Element& e) { return e.name == name; });
}

std::vector<const Element*> with_class(const Element& root, std::string_view css_class) {
    return find_all(root, [&](const Element& e) { return e["class"] == css_class; });
}

}  // namespace safeboard::charts::testing
