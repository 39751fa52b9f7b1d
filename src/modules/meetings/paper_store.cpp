// Papers of a meeting: the rows; the bytes are in the file store.
#include "modules/meetings/store_support.hpp"

namespace safeboard::meetings {

using namespace detail;

namespace {

constexpr const char* paper_select =
    "SELECT id, meeting_id, agenda_item_id, title, file_sha256, filename, content_type, size, confidential, "
    "uploaded_by, uploaded_by_name, uploaded_at FROM papers ";

Paper paper_from(const db::Row& row) {
    Paper p;
    p.id = row.integer(0);
    p.meeting_id = row.integer(1);
    p.agenda_item_id = row.optional_integer(2);
    p.title = row.text(3);
    p.file_sha256 = row.text(4);
    p.filename = row.text(5);
    p.content_type = row.text(6);
    p.size = row.integer(7);
    p.confidential = row.boolean(8);
    p.uploaded_by = row.optional_integer(9);
    p.uploaded_by_name = row.text(10);
    p.uploaded_at = row.text(11);
    return p;
}

Snapshot snapshot(const Paper& p) {
    return {{"meeting_id", std::to_string(p.meeting_id)},
            {"agenda_item_id", text_of(p.agenda_item_id)},
            {"title", p.title},
            {"file_sha256", p.file_sha256},
            {"filename", p.filename},
            {"content_type", p.content_type},
            {"size", std::to_string(p.size)},
            {"confidential", yes_no(p.confidential)}};
}

}  // namespace

std::vector<Paper> papers_of(db::Connection& db, std::int64_t meeting_id) {
    std::vector<Paper> papers;
    for (const auto& row :
         db.query(std::string(paper_select) + "WHERE meeting_id = $1 ORDER BY id", {meeting_id}).rows) {
        papers.push_back(paper_from(row));
    }
    return papers;
}

std::optional<Paper> find_paper(db::Connection& db, std::int64_t id) {
    auto result = db.query(std::string(paper_select) + "WHERE id = $1", {id});
    if (result.empty()) return std::nullopt;
    return paper_from(result.rows.front());
}

std::int64_t add_paper(db::Connection& db, const Paper& p, const audit::Actor& actor) {
    auto uploaded_at = p.uploaded_at.empty() ? now_utc() : p.uploaded_at;
    auto id =
        db.query(
              "INSERT INTO papers (meeting_id, agenda_item_id, title, file_sha256, filename, content_type, "
              "size, confidential, uploaded_by, uploaded_by_name, uploaded_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
              {p.meeting_id, nullable(p.agenda_item_id), p.title, p.file_sha256, p.filename, p.content_type, p.size,
               std::int64_t{p.confidential ? 1 : 0}, nullable(p.uploaded_by), p.uploaded_by_name, uploaded_at})
            .rows.front()
            .integer(0);
    record(db, actor, "create", "paper", id, {}, snapshot(p));
    return id;
}

bool update_paper(db::Connection& db, const Paper& paper, const audit::Actor& actor) {
    auto before = find_paper(db, paper.id);
    if (!before) return false;
    Paper p = *before;
    p.title = paper.title;
    p.agenda_item_id = paper.agenda_item_id;
    p.confidential = paper.confidential;
    return apply_update(db, actor, "paper", p.id, snapshot(*before), snapshot(p), [&] {
        db.query("UPDATE papers SET title = $2, agenda_item_id = $3, confidential = $4 WHERE id = $1",
                 {p.id, p.title, nullable(p.agenda_item_id), std::int64_t{p.confidential ? 1 : 0}});
    });
}

bool remove_paper(db::Connection& db, std::int64_t id, const audit::Actor& actor) {
    auto before = find_paper(db, id);
    if (!before) return false;
    // The bytes stay in the file store: another record may hold the same file.
    db.query("DELETE FROM papers WHERE id = $1", {id});
    record(db, actor, "delete", "paper", id, snapshot(*before), {});
    return true;
}

}  // namespace safeboard::meetings
