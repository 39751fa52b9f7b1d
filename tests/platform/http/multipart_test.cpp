// multipart/form-data: the text fields every handler (and the CSRF check)
// reads, and the files of a form with a file input.
#include "platform/http/multipart.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/http/form.hpp"

namespace safeboard::http {
namespace {

using namespace std::string_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

constexpr std::string_view chromium_boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

Request post(std::string content_type, std::string body) {
    Request request;
    request.method = Method::post;
    request.path = "/partnerships/3/import";
    request.headers = {{"host", "safeboard.test"}, {"content-type", std::move(content_type)}};
    request.body = std::move(body);
    return request;
}

std::string text_part(std::string_view boundary, std::string_view name, std::string_view value) {
    return "--"s.append(boundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
           "\"\r\n\r\n" + std::string(value) + "\r\n";
}

std::string file_part(std::string_view boundary, std::string_view name, std::string_view filename,
                      std::string_view type, std::string_view bytes) {
    return "--"s.append(boundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
           "\"; filename=\"" + std::string(filename) + "\"\r\nContent-Type: " + std::string(type) + "\r\n\r\n" +
           std::string(bytes) + "\r\n";
}

std::string closing(std::string_view boundary) { return "--"s.append(boundary) + "--\r\n"; }

// A CSV as Excel saves "CSV UTF-8": a byte order mark, CRLF line ends.
const std::string csv = "\xEF\xBB\xBF" "Name,Type\r\nChildren’s Safeguarding Board,board\r\n";

// What Chromium sends for the import page's form: the CSRF token, the
// partnership, the file.
Request chromium_import() {
    std::string b(chromium_boundary);
    return post("multipart/form-data; boundary=" + b,
                text_part(b, "csrf_token", "k2VtN0x-4sQ") + text_part(b, "partnership", "3") +
                    file_part(b, "file", "bodies.csv", "text/csv", csv) + closing(b));
}

void expect_nothing_read(const Request& request) {
    EXPECT_TRUE(form_fields(request).empty());
    EXPECT_TRUE(form_files(request).empty());
    EXPECT_EQ(form_field(request, "csrf_token"), std::nullopt);
}

std::string error_of(std::string_view content_type, std::string_view body) {
    auto parts = read_multipart(content_type, body);
    return parts ? "no error" : parts.error().message;
}

TEST(MultipartForm, ReadsTextFieldsInOrderAndTheFileByteForByte) {
    Request request = chromium_import();
    EXPECT_THAT(form_fields(request), ElementsAre(Pair("csrf_token", "k2VtN0x-4sQ"), Pair("partnership", "3")));
    auto files = form_files(request);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].field, "file");
    EXPECT_EQ(files[0].filename, "bodies.csv");
    EXPECT_EQ(files[0].content_type, "text/csv");
    EXPECT_EQ(files[0].bytes, csv) << "the BOM, the CRLFs and the last line end are the file's own";
}

TEST(MultipartForm, TheCsrfCheckFindsTheTokenInAnUploadForm) {
    EXPECT_EQ(form_field(chromium_import(), "csrf_token"), "k2VtN0x-4sQ");
}

TEST(MultipartForm, FindsAFileByItsFieldAndNeverAsATextField) {
    Request request = chromium_import();
    auto file = form_file(request, "file");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->bytes, csv);
    EXPECT_EQ(form_file(request, "csrf_token"), std::nullopt) << "a text field is not a file";
    EXPECT_EQ(form_file(request, "other"), std::nullopt);
    EXPECT_EQ(form_field(request, "file"), std::nullopt) << "a file is not a text field";
}

TEST(MultipartForm, BoundaryMayBeQuotedAndTheMediaTypeInAnyCase) {
    std::string b = "a'()+_,-./:=? z";  // every punctuation RFC 2046 allows; needs quotes
    std::string body = text_part(b, "csrf_token", "t") + text_part(b, "name", "Southend") + closing(b);
    for (const auto& type : {"multipart/form-data; boundary=\"" + b + "\"",
                             "Multipart/Form-Data;charset=UTF-8;  BOUNDARY = \"" + b + "\" "}) {
        EXPECT_THAT(form_fields(post(type, body)), ElementsAre(Pair("csrf_token", "t"), Pair("name", "Southend")))
            << type;
    }
    std::string unquoted = "simple-boundary_1";
    EXPECT_THAT(form_fields(post("multipart/form-data; boundary=" + unquoted,
                                 text_part(unquoted, "csrf_token", "t") + closing(unquoted))),
                ElementsAre(Pair("csrf_token", "t")));
}

TEST(MultipartForm, KeepsAnEmptyFileAndAFileInputLeftEmpty) {
    std::string b = "XyZ";
    Request request = post("multipart/form-data; boundary=XyZ",
                           file_part(b, "chosen", "empty.csv", "text/csv", "") +
                               file_part(b, "skipped", "", "application/octet-stream", "") +
                               text_part(b, "note", "") + closing(b));
    auto files = form_files(request);
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].filename, "empty.csv");
    EXPECT_EQ(files[0].bytes, "");
    EXPECT_EQ(files[1].field, "skipped");
    EXPECT_EQ(files[1].filename, "");
    EXPECT_EQ(files[1].content_type, "application/octet-stream");
    EXPECT_THAT(form_fields(request), ElementsAre(Pair("note", "")));
}

TEST(MultipartForm, FileBytesThatLookLikeABoundaryStayInTheFile) {
    std::string b = "XyZ";
    std::string tricky = "--XyZ on the first line\r\n"  // after the blank line that ends the headers
                         "\r\n--XyZZ longer\r\n"         // a longer boundary
                         "\r\n--XyZ-- then more\r\n"     // a close delimiter followed by text
                         "\r\n--XyZ x\r\n"               // text after the boundary on its line
                         "\r\n--Xy\r\n"                  // a shorter one
                         "NUL \0 CR \r LF \n--XyZ\r"s;    // no CRLF before it; ends with a lone CR
    Request request = post("multipart/form-data; boundary=XyZ",
                           file_part(b, "file", "tricky.bin", "application/octet-stream", tricky) +
                               text_part(b, "csrf_token", "t") + closing(b));
    auto file = form_file(request, "file");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->bytes, tricky);
    EXPECT_EQ(form_field(request, "csrf_token"), "t");
}

TEST(MultipartForm, IgnoresPreambleEpilogueAndTransportPadding) {
    std::string b = "XyZ";
    std::string body = "This is a preamble.\r\n--XyZ \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                       "--XyZ--  \r\nThis is an epilogue, --XyZ\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2";
    EXPECT_THAT(form_fields(post("multipart/form-data; boundary=XyZ", body)), ElementsAre(Pair("a", "1")));
    EXPECT_THAT(form_fields(post("multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; "
                                                                      "name=\"a\"\r\n\r\n1\r\n--XyZ--")),
                ElementsAre(Pair("a", "1")))
        << "the close delimiter may end the body without a CRLF";
}

TEST(MultipartForm, ReadsPartHeadersWhateverTheirCase) {
    std::string body = "--XyZ\r\ncontent-type: text/csv\r\nX-Other: ignored\r\n"
                       "CONTENT-DISPOSITION: Form-Data; Name=\"file\"; FILENAME=a.csv\r\n\r\nx,y\r\n"
                       "--XyZ\r\nContent-Disposition: form-data; name=plain\r\n\r\nv\r\n--XyZ--\r\n";
    Request request = post("multipart/form-data; boundary=XyZ", body);
    auto file = form_file(request, "file");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->filename, "a.csv");
    EXPECT_EQ(file->content_type, "text/csv");
    EXPECT_EQ(file->bytes, "x,y");
    EXPECT_THAT(form_fields(request), ElementsAre(Pair("plain", "v")));
}

TEST(MultipartForm, AFileWithoutContentTypeIsPlainText) {
    std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"n.txt\"\r\n\r\nhi\r\n--XyZ--\r\n";
    auto file = form_file(post("multipart/form-data; boundary=XyZ", body), "f");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->content_type, "text/plain");
}

TEST(MultipartForm, UnescapesQuotedNamesButKeepsAWindowsPath) {
    std::string b = "XyZ";
    Request request = post("multipart/form-data; boundary=XyZ",
                           file_part(b, "file", R"(say \"hi\" \\ now.csv)", "text/csv", "a") +
                               file_part(b, "old", R"(C:\fakepath\bodies.csv)", "text/csv", "b") +
                               file_part(b, "semi", "a; b=c.csv", "text/csv", "c") + closing(b));
    auto files = form_files(request);
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[0].filename, R"(say "hi" \ now.csv)");
    EXPECT_EQ(files[1].filename, R"(C:\fakepath\bodies.csv)");
    EXPECT_EQ(files[2].filename, "a; b=c.csv");
}

TEST(MultipartForm, APartWithOnlyFilenameStarIsAFile) {
    std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''a%20b.csv\r\n\r\n"
                       "x\r\n--XyZ--\r\n";
    Request request = post("multipart/form-data; boundary=XyZ", body);
    EXPECT_TRUE(form_fields(request).empty());
    auto file = form_file(request, "f");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->bytes, "x");
}

TEST(MultipartForm, TextIsBytesAsSentAsInAnUrlencodedForm) {
    // Neither encoding refuses a form for a byte that is not UTF-8: the field
    // checks do, naming the field.
    EXPECT_THAT(form_fields(post("application/x-www-form-urlencoded", "name=%FF")), ElementsAre(Pair("name", "\xFF")));
    EXPECT_THAT(form_fields(post("multipart/form-data; boundary=XyZ", text_part("XyZ", "name", "\xFF") + closing("XyZ"))),
                ElementsAre(Pair("name", "\xFF")));
}

TEST(MultipartMalformed, WithoutClosingBoundaryNothingIsRead) {
    std::string b(chromium_boundary);
    std::string body = chromium_import().body;
    expect_nothing_read(post("multipart/form-data; boundary=" + b, body.substr(0, body.size() - 4)));
    expect_nothing_read(post("multipart/form-data; boundary=" + b, body.substr(0, body.size() / 2)));
    EXPECT_THAT(error_of("multipart/form-data; boundary=" + b, body.substr(0, body.size() - 4)),
                HasSubstr("no closing boundary"));
}

TEST(MultipartMalformed, OtherContentTypesAreNotRead) {
    std::string body = chromium_import().body;
    std::string b(chromium_boundary);
    expect_nothing_read(post("text/plain; boundary=" + b, body));
    expect_nothing_read(post("multipart/mixed; boundary=" + b, body));
    expect_nothing_read(post("multipart/form-data-x; boundary=" + b, body));
    expect_nothing_read(post("", body));
}

TEST(MultipartMalformed, TheBoundaryMustBeGivenAndAllowed) {
    std::string body = chromium_import().body;
    expect_nothing_read(post("multipart/form-data", body));
    expect_nothing_read(post("multipart/form-data; boundary=", body));
    expect_nothing_read(post("multipart/form-data; boundary=\"----WebKitFormBoundary7MA4YWxkTrZu0gW", body));
    EXPECT_THAT(error_of("multipart/form-data; charset=utf-8", body), HasSubstr("no boundary"));

    std::string longest(70, 'b');
    std::string longer(71, 'b');
    EXPECT_EQ(form_fields(post("multipart/form-data; boundary=" + longest, text_part(longest, "a", "1") +
                                                                                closing(longest))).size(),
              1u);
    expect_nothing_read(post("multipart/form-data; boundary=" + longer, text_part(longer, "a", "1") + closing(longer)));
    expect_nothing_read(post("multipart/form-data; boundary=\"ends with space \"",
                             text_part("ends with space ", "a", "1") + closing("ends with space ")));
}

TEST(MultipartMalformed, ABodyWithoutTheBoundaryIsNotRead) {
    expect_nothing_read(post("multipart/form-data; boundary=other", chromium_import().body));
    EXPECT_THAT(error_of("multipart/form-data; boundary=other", chromium_import().body), HasSubstr("no opening"));
}

TEST(MultipartMalformed, EveryPartNeedsAFormDataName) {
    std::string b = "XyZ";
    std::string token = text_part(b, "csrf_token", "t");
    auto with = [&](std::string part) {
        return post("multipart/form-data; boundary=XyZ", token + "--XyZ\r\n" + part + "\r\n" + closing(b));
    };
    expect_nothing_read(with("Content-Disposition: form-data; filename=\"a.csv\"\r\n\r\nx"));
    expect_nothing_read(with("Content-Type: text/plain\r\n\r\nx"));
    expect_nothing_read(with("\r\nx"));
    expect_nothing_read(with("Content-Disposition: attachment; name=\"a\"\r\n\r\nx"));
    expect_nothing_read(with("Content-Disposition: form-data; name=\"a\r\n\r\nx"));  // quote not closed
    expect_nothing_read(with("Content-Disposition: form-data; name=\"a\"\r\nno colon\r\n\r\nx"));
    expect_nothing_read(with("Content-Disposition: form-data; name=\"a\"\r\nx"));  // no blank line
    EXPECT_EQ(form_field(with("Content-Disposition: form-data; name=\"a\"\r\n\r\nx"), "csrf_token"), "t")
        << "the same form with a good part is read";
}

TEST(MultipartMalformed, AnEmptyFormHasNoFields) {
    auto parts = read_multipart("multipart/form-data; boundary=XyZ", "--XyZ--\r\n");
    ASSERT_TRUE(parts) << parts.error().message;
    EXPECT_TRUE(parts->empty());
}

}  // namespace
}  // namespace safeboard::http
