#include "platform/web/templates.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace safeboard::web {
namespace {

using embed::File;
using kainjow::mustache::data;

PageOptions titled(std::string title) {
    PageOptions options;
    options.title = std::move(title);
    return options;
}

const File layout{"layout.mustache", "<title>{{title}}</title>{{#back_link}}<a href=\"{{back_link}}\">Back</a>{{/back_link}}<main>{{{body}}}</main>"};

TEST(Templates, EscapesEveryValue) {
    std::vector<File> files{{"hello.mustache", "<p>{{name}}</p>"}};
    Templates templates(files);
    data values;
    values.set("name", "<script>alert(\"x\")</script> & 'y'");

    auto html = templates.render("hello", values);

    EXPECT_EQ(html, "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;</p>");
}

TEST(Templates, PartialsAreFoundByTemplateName) {
    std::vector<File> files{{"outer.mustache", "<div>{{> parts/inner}}</div>"},
                            {"parts/inner.mustache", "<b>{{word}}</b>"}};
    Templates templates(files);
    data values;
    values.set("word", "<i>");

    EXPECT_EQ(templates.render("outer", values), "<div><b>&lt;i&gt;</b></div>");
}

TEST(Templates, AnUnknownPartialThrows) {
    std::vector<File> files{{"outer.mustache", "<div>{{> inner}}</div>"}};
    Templates templates(files);
    EXPECT_THROW(templates.render("outer", data{}), std::out_of_range);
}

TEST(Templates, AMissingTemplateThrows) {
    std::vector<File> files{layout};
    Templates templates(files);
    EXPECT_FALSE(templates.contains("nope"));
    EXPECT_THROW(templates.render("nope", data{}), std::out_of_range);
    EXPECT_THROW(templates.page("nope", data{}, titled("Nope")), std::out_of_range);
}

TEST(Templates, ASyntaxErrorThrowsWhenLoaded) {
    std::vector<File> unclosed{{"broken.mustache", "{{#items}}<li>{{name}}</li>"}};
    std::vector<File> unopened{{"broken.mustache", "<li>{{name}}</li>{{/items}}"}};
    EXPECT_THROW(Templates{unclosed}, TemplateError);
    EXPECT_THROW(Templates{unopened}, TemplateError);
}

TEST(Templates, UnescapedOutputOutsideTheLayoutSlotIsRefused) {
    for (std::string_view source : {"{{{name}}}", "{{&name}}", "{{ & name }}", "{{=<% %>=}}<%&name%>"}) {
        std::vector<File> files{{"page.mustache", source}};
        EXPECT_THROW(Templates{files}, TemplateError) << source;
    }
    std::vector<File> layout_with_two_slots{{"layout.mustache", "{{{body}}}{{{body}}}"}};
    EXPECT_THROW(Templates{layout_with_two_slots}, TemplateError);
    std::vector<File> layout_with_other_slot{{"layout.mustache", "{{{title}}}"}};
    EXPECT_THROW(Templates{layout_with_other_slot}, TemplateError);
    std::vector<File> layout_slot_elsewhere{{"start.mustache", "{{{body}}}"}};
    EXPECT_THROW(Templates{layout_slot_elsewhere}, TemplateError);
}

TEST(Templates, UnescapedTagsFindsEveryForm) {
    EXPECT_EQ(unescaped_tags("<p>{{a}} {{#b}}{{c}}{{/b}} {{! note }}</p>"), std::vector<std::string>{});
    EXPECT_EQ(unescaped_tags("x{{{body}}}y{{&raw}}z{{  &spaced }}{{= | | =}}"),
              (std::vector<std::string>{"{{{body}}}", "{{&raw}}", "{{  &spaced }}", "{{= | | =}}"}));
}

TEST(Templates, TwoTemplatesWithOneNameAreRefused) {
    std::vector<File> files{{"start.mustache", "a"}};
    Templates templates(files);
    std::vector<File> more{{"start.mustache", "b"}};
    EXPECT_THROW(templates.add(more), std::invalid_argument);
}

TEST(Templates, AddedTablesRenderIntoTheLayout) {
    std::vector<File> files{layout};
    Templates templates(files);
    std::vector<File> module_pages{{"meetings/agenda.mustache", "<h1>{{body_name}} agenda</h1>"}};
    templates.add(module_pages);
    data values;
    values.set("body_name", "Board & Executive");

    auto html = templates.page("meetings/agenda", values, titled("Agenda"));

    EXPECT_EQ(html, "<title>Agenda – Safeboard</title><main><h1>Board &amp; Executive agenda</h1></main>");
}

TEST(Templates, PageTitleSaysErrorAndBackLinkIsEscaped) {
    std::vector<File> files{layout, {"form.mustache", "<h1>Add a body</h1>"}};
    Templates templates(files);

    PageOptions options;
    options.title = "Add a body";
    options.has_errors = true;
    options.back_link = "/bodies?a=1&b=\"2\"";
    auto html = templates.page("form", data{}, options);

    EXPECT_NE(html.find("<title>Error: Add a body – Safeboard</title>"), std::string::npos) << html;
    EXPECT_NE(html.find("<a href=\"/bodies?a=1&amp;b=&quot;2&quot;\">Back</a>"), std::string::npos) << html;
}

TEST(Templates, GlobalsAreVisibleToEveryTemplate) {
    std::vector<File> files{{"page.mustache", "<link href=\"{{assets.stylesheet}}\">{{name}}"}};
    data urls;
    urls.set("stylesheet", "/assets/site.0123456789.css");
    data globals;
    globals.set("assets", urls);
    globals.set("name", "global");
    Templates templates(files, globals);
    data values;
    values.set("name", "page's own");

    EXPECT_EQ(templates.render("page", values), "<link href=\"/assets/site.0123456789.css\">page&apos;s own");
}

TEST(Templates, RendersTheSameFromManyThreads) {
    std::vector<File> files{layout, {"list.mustache", "<ul>{{#items}}<li>{{> item}}</li>{{/items}}</ul>"},
                            {"item.mustache", "{{name}}"}};
    Templates templates(files);
    data items{data::type::list};
    for (int i = 0; i < 50; ++i) {
        data item;
        item.set("name", "item <" + std::to_string(i) + ">");
        items.push_back(item);
    }
    data values;
    values.set("items", items);
    const std::string expected = templates.page("list", values, titled("List"));

    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                if (templates.page("list", values, titled("List")) != expected) ++mismatches[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();

    EXPECT_EQ(mismatches, std::vector<int>(4, 0));
    EXPECT_NE(expected.find("<li>item &lt;49&gt;</li>"), std::string::npos);
}

}  // namespace
}  // namespace safeboard::web
