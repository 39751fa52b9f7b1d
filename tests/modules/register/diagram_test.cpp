// The governance diagram and its text alternative. The SVG is checked for
// the facts a reader relies on (one box per body, layers, line styles, the
// key, escaping), not for pixels.
#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "modules/register/diagram.hpp"

namespace safeboard::register_ {
namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

// True when every tag is closed in order (enough XML to trust the other checks).
bool tags_balance(const std::string& svg) {
    static const std::regex tag(R"(<(/?)([A-Za-z]+)[^<>]*?(/?)>)");
    std::vector<std::string> open;
    for (std::sregex_iterator it(svg.begin(), svg.end(), tag), end; it != end; ++it) {
        const auto& match = *it;
        if (match[3].length() > 0) continue;  // self-closing
        if (match[1].length() == 0) {
            open.push_back(match[2]);
        } else if (open.empty() || open.back() != match[2]) {
            return false;
        } else {
            open.pop_back();
        }
    }
    return open.empty() && svg.starts_with("<svg ") && svg.find("</svg>") != std::string::npos;
}

struct DrawnBox {
    double x = 0, y = 0, width = 0, height = 0;
    double middle() const { return y + height / 2; }
};

// Each box by the text of its title ("Name (Kind)").
std::map<std::string, DrawnBox> boxes(const std::string& svg) {
    static const std::regex box(
        R"re(<g class="body"><title>([^<]*)</title><rect x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)")re");
    std::map<std::string, DrawnBox> found;
    for (std::sregex_iterator it(svg.begin(), svg.end(), box), end; it != end; ++it) {
        found[(*it)[1]] = {std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), std::stod((*it)[5])};
    }
    return found;
}

// The opening tag of each line of the given class.
std::vector<std::string> line_tags(const std::string& svg, const std::string& css_class) {
    std::vector<std::string> tags;
    std::string start = "<path class=\"" + css_class + "\"";
    for (auto at = svg.find(start); at != std::string::npos; at = svg.find(start, at + 1)) {
        tags.push_back(svg.substr(at, svg.find('>', at) - at));
    }
    return tags;
}

std::string attribute(const std::string& tag, const std::string& name) {
    auto at = tag.find(" " + name + "=\"");
    if (at == std::string::npos) return {};
    at += name.size() + 3;
    return tag.substr(at, tag.find('"', at) - at);
}

// A small partnership: the board, two sub-groups, a panel under one of
// them, and a scrutineer and a neighbouring board outside the reporting line.
Structure partnership() {
    return {"Southend governance",
            {{1, "Safeguarding Children Board", "Board"},
             {2, "Quality Assurance Sub-group", "Sub-group"},
             {3, "Learning and Development Sub-group", "Sub-group"},
             {4, "Child Death Overview Panel", "Panel"},
             {5, "Independent Scrutineer", "Scrutineer"},
             {6, "Essex Safeguarding Children Board", "Neighbouring board"}},
            {{2, 1, LineKind::reports_to},
             {3, 1, LineKind::reports_to},
             {4, 2, LineKind::reports_to},
             {5, 1, LineKind::scrutinises},
             {4, 1, LineKind::escalates_to},
             {1, 6, LineKind::links_with}}};
}

std::vector<std::int64_t> flatten_ids(const std::vector<TreeNode>& nodes) {
    std::vector<std::int64_t> ids;
    std::function<void(const std::vector<TreeNode>&)> walk = [&](const std::vector<TreeNode>& level) {
        for (const auto& node : level) {
            ids.push_back(node.id);
            walk(node.children);
        }
    };
    walk(nodes);
    return ids;
}

bool has_line(const TreeNode& node, const std::string& line) {
    return std::find(node.other_lines.begin(), node.other_lines.end(), line) != node.other_lines.end();
}

TEST(GovernanceDiagramSvg, IsAnAccessibleImageWithOneBoxPerBody) {
    auto svg = governance_svg(partnership());
    EXPECT_TRUE(tags_balance(svg)) << svg;
    EXPECT_NE(svg.find(R"(xmlns="http://www.w3.org/2000/svg")"), std::string::npos);
    EXPECT_NE(svg.find(R"(role="img" aria-labelledby="t d")"), std::string::npos);
    EXPECT_NE(svg.find(R"(<title id="t">Southend governance</title>)"), std::string::npos);
    EXPECT_NE(svg.find(R"(<desc id="d">A governance diagram of 6 bodies and 6 lines:)"), std::string::npos);
    EXPECT_TRUE(std::regex_search(svg, std::regex(R"re(viewBox="0 0 \d+ \d+" width="\d+" height="\d+")re")));
    EXPECT_EQ(occurrences(svg, R"(<g class="body">)"), 6u);
    EXPECT_EQ(boxes(svg).count("Child Death Overview Panel (Panel)"), 1u);
    EXPECT_EQ(occurrences(svg, "<path class=\"line-"), 6u);
}

TEST(GovernanceDiagramSvg, EscapesEveryName) {
    Structure structure{"Tom & Jerry's <board>",
                        {{1, "A & B <x>", "\"Quoted\" 'kind'"}, {2, "Children’s Trust", "Trust"}},
                        {{2, 1, LineKind::reports_to}}};
    auto svg = governance_svg(structure);
    EXPECT_TRUE(tags_balance(svg)) << svg;
    EXPECT_NE(svg.find("A &amp; B &lt;x&gt; (&quot;Quoted&quot; &apos;kind&apos;)"), std::string::npos);
    EXPECT_NE(svg.find("Tom &amp; Jerry&apos;s &lt;board&gt;"), std::string::npos);
    EXPECT_NE(svg.find("Children’s Trust"), std::string::npos);
    EXPECT_EQ(svg.find("<x>"), std::string::npos);
    EXPECT_EQ(svg.find("A & B"), std::string::npos);
    EXPECT_EQ(svg.find("<board>"), std::string::npos);
}

TEST(GovernanceDiagramSvg, MeasuresNamesInCharactersNotBytes) {
    Structure structure{"Widths", {{1, std::string(20, 'e'), ""}, {2, "", ""}}, {}};
    std::string accented;
    for (int i = 0; i < 20; ++i) accented += "é";
    structure.bodies[1].name = accented;
    auto drawn = boxes(governance_svg(structure));
    ASSERT_EQ(drawn.size(), 2u);
    EXPECT_EQ(drawn[std::string(20, 'e')].width, drawn[accented].width);
}

TEST(GovernanceDiagramSvg, WrapsLongNamesAtWordsAndBreaksLongWords) {
    std::string long_word(60, 'x');
    Structure structure{"Wrapping", {{1, "Local Safeguarding Children Board for Southend-on-Sea", ""}, {2, long_word, ""}}, {}};
    auto svg = governance_svg(structure);
    static const std::regex tspan(R"(<tspan[^>]*>([^<]*)</tspan>)");
    std::vector<std::string> lines;
    for (std::sregex_iterator it(svg.begin(), svg.end(), tspan), end; it != end; ++it) lines.push_back((*it)[1]);
    ASSERT_GE(lines.size(), 6u);  // at least three lines each
    for (const auto& line : lines) EXPECT_LE(line.size(), 20u) << line;
    EXPECT_NE(std::find(lines.begin(), lines.end(), "Local Safeguarding"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), std::string(20, 'x')), lines.end());
}

TEST(GovernanceDiagramSvg, TellsLineKindsApartByStrokeAndKey) {
    auto svg = governance_svg(partnership());
    auto reports = line_tags(svg, "line-reports-to");
    auto scrutiny = line_tags(svg, "line-scrutinises");
    auto escalation = line_tags(svg, "line-escalates-to");
    auto links = line_tags(svg, "line-links-with");
    ASSERT_EQ(reports.size(), 3u);
    ASSERT_EQ(scrutiny.size(), 1u);
    ASSERT_EQ(escalation.size(), 1u);
    ASSERT_EQ(links.size(), 1u);
    for (const auto& tag : reports) {
        EXPECT_NE(attribute(tag, "marker-end"), "");
        EXPECT_EQ(attribute(tag, "stroke-dasharray"), "");
    }
    EXPECT_NE(attribute(scrutiny[0], "stroke-dasharray"), "");
    EXPECT_NE(attribute(scrutiny[0], "stroke-dasharray"), attribute(links[0], "stroke-dasharray"));
    EXPECT_NE(attribute(escalation[0], "stroke-dasharray"), attribute(scrutiny[0], "stroke-dasharray"));
    EXPECT_NE(attribute(escalation[0], "stroke-dasharray"), attribute(links[0], "stroke-dasharray"));
    EXPECT_NE(attribute(scrutiny[0], "marker-end"), attribute(reports[0], "marker-end"));
    EXPECT_EQ(attribute(links[0], "marker-end"), "");
    auto key = svg.substr(svg.find(R"(<g class="key">)"));
    for (const char* label : {">Reports to<", ">Scrutinises<", ">Escalates to<", ">Links with<"}) {
        EXPECT_NE(key.find(label), std::string::npos) << label;
    }
    EXPECT_NE(svg.find("<title>Independent Scrutineer scrutinises Safeguarding Children Board</title>"),
              std::string::npos);
}

TEST(GovernanceDiagramSvg, UsesNoInlineStyleOrScript) {
    Structure structure = partnership();
    structure.bodies.push_back({7, "Health", "Partner"});
    for (const auto& svg : {governance_svg(structure), governance_svg({})}) {
        EXPECT_EQ(svg.find("style"), std::string::npos);
        EXPECT_EQ(svg.find("script"), std::string::npos);
        EXPECT_FALSE(std::regex_search(svg, std::regex(R"( on[a-z]+=)")));  // no event handlers
    }
}

TEST(GovernanceDiagramSvg, DrawsEachBodyBelowTheBodiesItReportsTo) {
    auto drawn = boxes(governance_svg(partnership()));
    double board = drawn.at("Safeguarding Children Board (Board)").y;
    double quality = drawn.at("Quality Assurance Sub-group (Sub-group)").y;
    double learning = drawn.at("Learning and Development Sub-group (Sub-group)").y;
    double panel = drawn.at("Child Death Overview Panel (Panel)").y;
    EXPECT_GT(quality, board);
    EXPECT_GT(learning, board);
    EXPECT_GT(panel, quality);
}

TEST(GovernanceDiagramSvg, PutsABodyWithTwoParentsBelowBoth) {
    Structure structure{"Two parents",
                        {{1, "Board", ""}, {2, "Executive", ""}, {3, "Joint Panel", ""}},
                        {{2, 1, LineKind::reports_to}, {3, 1, LineKind::reports_to}, {3, 2, LineKind::reports_to}}};
    auto drawn = boxes(governance_svg(structure));
    EXPECT_GT(drawn.at("Joint Panel").y, drawn.at("Executive").y);
    EXPECT_GT(drawn.at("Executive").y, drawn.at("Board").y);
}

TEST(GovernanceDiagramSvg, OrdersALayerToAvoidCrossings) {
    // Listed against the order of their parents: drawn in input order the two lines would cross.
    Structure structure{"Crossings",
                        {{1, "Left Board", ""}, {2, "Right Board", ""}, {3, "Right Child", ""}, {4, "Left Child", ""}},
                        {{3, 2, LineKind::reports_to}, {4, 1, LineKind::reports_to}}};
    auto drawn = boxes(governance_svg(structure));
    ASSERT_LT(drawn.at("Left Board").x, drawn.at("Right Board").x);
    EXPECT_LT(drawn.at("Left Child").x, drawn.at("Right Child").x);
}

TEST(GovernanceDiagramSvg, WrapsAWideLayerOntoSeveralRows) {
    Structure structure{"Wide", {{1, "Board", ""}}, {}};
    for (std::int64_t id = 2; id <= 11; ++id) {
        structure.bodies.push_back({id, "Sub-group " + std::to_string(id), ""});
        structure.lines.push_back({id, 1, LineKind::reports_to});
    }
    auto drawn = boxes(governance_svg(structure));
    std::vector<double> rows, columns;
    for (const auto& [name, box] : drawn) {
        if (name == "Board") continue;
        EXPECT_GT(box.y, drawn.at("Board").y);
        rows.push_back(box.y);
        columns.push_back(box.x);
    }
    std::sort(rows.begin(), rows.end());
    std::sort(columns.begin(), columns.end());
    EXPECT_EQ(std::unique(rows.begin(), rows.end()) - rows.begin(), 2);
    EXPECT_EQ(std::unique(columns.begin(), columns.end()) - columns.begin(), 5);
}

TEST(GovernanceDiagramSvg, PutsBodiesOutsideTheReportingLineInARowOfTheirOwn) {
    auto svg = governance_svg(partnership());
    auto drawn = boxes(svg);
    const auto& scrutineer = drawn.at("Independent Scrutineer (Scrutineer)");
    const auto& neighbour = drawn.at("Essex Safeguarding Children Board (Neighbouring board)");
    EXPECT_EQ(scrutineer.middle(), neighbour.middle());
    EXPECT_GT(std::min(scrutineer.y, neighbour.y), drawn.at("Child Death Overview Panel (Panel)").y);
    EXPECT_NE(svg.find(">Outside the reporting line<"), std::string::npos);
}

TEST(GovernanceDiagramSvg, SurvivesCyclesDanglingLinesAndRepeats) {
    Structure structure{"Cycle",
                        {{1, "Alpha", ""}, {2, "Beta", ""}, {3, "Gamma", ""}, {1, "Alpha again", ""}},
                        {{1, 2, LineKind::reports_to},
                         {2, 3, LineKind::reports_to},
                         {3, 1, LineKind::reports_to},
                         {1, 1, LineKind::reports_to},
                         {2, 99, LineKind::reports_to},
                         {98, 3, LineKind::scrutinises},
                         {1, 2, LineKind::reports_to}}};
    auto svg = governance_svg(structure);
    EXPECT_TRUE(tags_balance(svg));
    EXPECT_EQ(occurrences(svg, R"(<g class="body">)"), 3u);
    EXPECT_EQ(occurrences(svg, R"(<path class="line-reports-to")"), 3u);
    EXPECT_EQ(svg.find("Alpha again"), std::string::npos);
    auto drawn = boxes(svg);
    std::vector<double> rows{drawn.at("Alpha").y, drawn.at("Beta").y, drawn.at("Gamma").y};
    std::sort(rows.begin(), rows.end());
    EXPECT_EQ(std::unique(rows.begin(), rows.end()) - rows.begin(), 3);  // the cycle is cut once, not flattened
}

TEST(GovernanceDiagramSvg, GivesTheSameBytesForTheSameStructure) {
    EXPECT_EQ(governance_svg(partnership()), governance_svg(partnership()));
}

TEST(GovernanceDiagramSvg, SaysSoWhenThereAreNoBodies) {
    auto svg = governance_svg({"Empty partnership", {}, {{1, 2, LineKind::reports_to}}});
    EXPECT_TRUE(tags_balance(svg)) << svg;
    EXPECT_NE(svg.find(R"(role="img" aria-labelledby="t d")"), std::string::npos);
    EXPECT_NE(svg.find(R"(<title id="t">Empty partnership</title>)"), std::string::npos);
    EXPECT_NE(svg.find(R"(<desc id="d">There are no bodies in this structure.</desc>)"), std::string::npos);
    EXPECT_NE(svg.find(">There are no bodies in this structure.</text>"), std::string::npos);
    EXPECT_EQ(svg.find(R"(<g class="body">)"), std::string::npos);
    EXPECT_LT(svg.size(), 1000u);
}

TEST(GovernanceDiagramTree, NestsReportingBodiesByName) {
    auto tree = governance_tree(partnership());
    ASSERT_EQ(tree.size(), 3u);  // the board, then the two outside the reporting line, in input order
    EXPECT_EQ(tree[0].id, 1);
    EXPECT_EQ(tree[1].id, 5);
    EXPECT_EQ(tree[2].id, 6);
    ASSERT_EQ(tree[0].children.size(), 2u);
    EXPECT_EQ(tree[0].children[0].name, "Learning and Development Sub-group");
    EXPECT_EQ(tree[0].children[0].kind, "Sub-group");
    EXPECT_EQ(tree[0].children[1].name, "Quality Assurance Sub-group");
    ASSERT_EQ(tree[0].children[1].children.size(), 1u);
    EXPECT_EQ(tree[0].children[1].children[0].name, "Child Death Overview Panel");
}

TEST(GovernanceDiagramTree, NotesOtherLinesBothWays) {
    auto tree = governance_tree(partnership());
    const TreeNode& board = tree[0];
    EXPECT_TRUE(has_line(board, "Scrutinised by: Independent Scrutineer"));
    EXPECT_TRUE(has_line(board, "Receives escalations from: Child Death Overview Panel"));
    EXPECT_TRUE(has_line(board, "Links with: Essex Safeguarding Children Board"));
    EXPECT_TRUE(has_line(tree[1], "Scrutinises: Safeguarding Children Board"));
    EXPECT_TRUE(has_line(tree[2], "Links with: Safeguarding Children Board"));
    const TreeNode& panel = board.children[1].children[0];
    EXPECT_EQ(panel.other_lines, std::vector<std::string>{"Escalates to: Safeguarding Children Board"});
}

TEST(GovernanceDiagramTree, PlacesABodyWithTwoParentsUnderTheFirst) {
    Structure structure{"Two parents",
                        {{1, "Board", ""}, {2, "Executive", ""}, {3, "Joint Panel", ""}},
                        {{3, 2, LineKind::reports_to}, {3, 1, LineKind::reports_to}, {2, 1, LineKind::reports_to}}};
    auto tree = governance_tree(structure);
    EXPECT_EQ(flatten_ids(tree), (std::vector<std::int64_t>{1, 2, 3}));
    ASSERT_EQ(tree.size(), 1u);
    ASSERT_EQ(tree[0].children.size(), 2u);
    EXPECT_EQ(tree[0].children[0].name, "Executive");
    EXPECT_TRUE(tree[0].children[0].children.empty());
    const TreeNode& panel = tree[0].children[1];
    EXPECT_EQ(panel.name, "Joint Panel");
    EXPECT_EQ(panel.other_lines, std::vector<std::string>{"Also reports to: Executive"});
}

TEST(GovernanceDiagramTree, ShowsEveryBodyOfACycleOnce) {
    Structure structure{"Cycle",
                        {{1, "Alpha", ""}, {2, "Beta", ""}, {3, "Gamma", ""}, {4, "Delta", ""}},
                        {{1, 2, LineKind::reports_to},
                         {2, 3, LineKind::reports_to},
                         {3, 1, LineKind::reports_to},
                         {4, 3, LineKind::reports_to},
                         {4, 77, LineKind::links_with}}};
    auto tree = governance_tree(structure);
    auto ids = flatten_ids(tree);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 3, 4}));
    ASSERT_EQ(tree.size(), 1u);
    EXPECT_EQ(tree[0].name, "Alpha");  // entered at its first body
    EXPECT_EQ(tree[0].other_lines, std::vector<std::string>{"Also reports to: Beta"});
    ASSERT_EQ(tree[0].children.size(), 1u);
    EXPECT_EQ(tree[0].children[0].name, "Gamma");
    EXPECT_TRUE(tree[0].children[0].children.size() == 2u);
}

}  // namespace
}  // namespace safeboard::register_
