#pragma once
// Governance diagrams: who reports to, scrutinises, escalates to and links
// with whom in a partnership, drawn by the server as SVG, with the same
// structure as nested lists for anyone who does not use the picture.
// Pure functions: no I/O, and the same structure always gives the same bytes.
#include <cstdint>
#include <string>
#include <vector>

namespace safeboard::register_ {

enum class LineKind { reports_to, scrutinises, escalates_to, links_with };

struct DiagramBody {
    std::int64_t id = 0;
    std::string name;
    std::string kind;  // shown small under the name: "Sub-group", "Statutory partner"
};

// `from` reports to (scrutinises, escalates to, links with) `to`.
struct DiagramLine {
    std::int64_t from = 0;
    std::int64_t to = 0;
    LineKind kind = LineKind::reports_to;
};

// A body listed twice under one id is drawn once (the first). Lines to ids
// not in `bodies`, lines from a body to itself and repeated lines are left
// out; reporting cycles are drawn but do not stop the layout.
struct Structure {
    std::string title;
    std::vector<DiagramBody> bodies;
    std::vector<DiagramLine> lines;
};

// A complete standalone SVG document (UTF-8, no XML declaration, so it can
// also sit inside an HTML page): role="img", named by a <title id="t"> and
// summed up by a <desc id="d">. Bodies sit in layers below the bodies they
// report to; bodies outside the reporting line sit in rows of their own at
// the bottom; a key names the four kinds of line. Presentation attributes
// only (no style attribute or element, no script), so a strict
// Content-Security-Policy holds.
std::string governance_svg(const Structure& structure);

// One body in the text alternative to the diagram.
struct TreeNode {
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    // Its other lines in words, both ways: "Also reports to: X",
    // "Scrutinises: X", "Scrutinised by: X", "Escalates to: X",
    // "Receives escalations from: X", "Links with: X".
    std::vector<std::string> other_lines;
    std::vector<TreeNode> children;  // the bodies that report to it, by name
};

// The text alternative: the structure as nested lists. The roots are the
// bodies that report to nobody, in input order. A body reporting to several
// bodies sits under the first of them in input order, and notes the others
// in other_lines; a reporting cycle is entered at its first body in input
// order. Every body appears exactly once. Text is as given (not escaped).
std::vector<TreeNode> governance_tree(const Structure& structure);

}  // namespace safeboard::register_
