#include "platform/audit/chain.hpp"

#include <limits>

#include "platform/audit/canonical.hpp"
#include "platform/audit/snapshot.hpp"
#include "platform/audit/stored.hpp"

namespace safeboard::audit {
namespace {

constexpr std::int64_t kBatch = 1000;

std::string entry_name(std::int64_t seq) {
    return "audit entry " + std::to_string(seq);
}

std::string range_name(std::int64_t first, std::int64_t last) {
    if (first == last) return entry_name(first) + " is";
    return "audit entries " + std::to_string(first) + " to " + std::to_string(last) + " are";
}

// The walk so far: what the next entry must be.
class ChainWalk {
public:
    void visit(const db::Row& row);
    void check_head(db::Connection& db);
    ChainReport report() const { return report_; }
    std::int64_t last_seq() const { return last_seq_; }

private:
    void fail(std::int64_t seq, std::string problem);
    std::optional<std::string> problem_with(const db::Row& row) const;

    ChainReport report_;
    std::int64_t last_seq_ = 0;
};

void ChainWalk::fail(std::int64_t seq, std::string problem) {
    if (!report_.ok()) return;  // only the first problem is named
    report_.first_bad_seq = seq;
    report_.problem = std::move(problem);
}

std::optional<std::string> ChainWalk::problem_with(const db::Row& row) const {
    std::int64_t seq = row.integer(0);
    std::int64_t expected = last_seq_ + 1;
    if (seq > expected) {
        return range_name(expected, seq - 1) + " missing: the log goes from entry " + std::to_string(last_seq_) +
               " to entry " + std::to_string(seq);
    }
    if (seq < expected) {
        return entry_name(seq) + " should not exist: entries are numbered from 1";
    }
    StoredEntry stored;
    try {
        stored = stored::stored_entry(row);
    } catch (const stored::UnreadableEntry& error) {
        return entry_name(seq) + " was altered: " + error.what();
    }
    if (entry_hash(stored) != stored.hash) {
        return entry_name(seq) + " was altered: its hash does not match its content";
    }
    if (stored.prev_hash != report_.head_hash) {
        return entry_name(seq) + " does not follow entry " + std::to_string(last_seq_) +
               ": its previous hash is not that entry's hash (an entry was replaced, removed or reordered)";
    }
    return std::nullopt;
}

void ChainWalk::visit(const db::Row& row) {
    std::int64_t seq = row.integer(0);
    if (report_.ok()) {
        if (auto problem = problem_with(row)) fail(seq > last_seq_ + 1 ? last_seq_ + 1 : seq, *problem);
    }
    ++report_.entries;
    report_.head_hash = row.text(12);
    last_seq_ = seq;
}

void ChainWalk::check_head(db::Connection& db) {
    auto head = db.query("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (head.empty()) {
        if (report_.ok()) report_.problem = "the audit head record is missing";
        return;
    }
    std::int64_t head_seq = head.rows.front().integer(0);
    std::string head_hash = head.rows.front().text(1);
    if (head_seq > last_seq_) {
        fail(last_seq_ + 1, range_name(last_seq_ + 1, head_seq) + " missing from the end: the head record names " +
                                "entry " + std::to_string(head_seq) + " but the log ends at entry " +
                                std::to_string(last_seq_));
    } else if (head_seq < last_seq_) {
        fail(head_seq + 1, "the audit head record names entry " + std::to_string(head_seq) +
                               " but the log goes on to entry " + std::to_string(last_seq_) +
                               ": the head record was altered");
    } else if (head_hash != report_.head_hash) {
        fail(last_seq_, entry_name(last_seq_) + " does not match the head record's hash: it was replaced");
    }
}

}  // namespace

ChainReport verify_chain(db::Connection& db) {
    ReadSnapshot snapshot(db);
    const std::string select = "SELECT " + std::string(stored::kColumns) +
                               " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2";
    ChainWalk walk;
    // From the lowest seq there is, so that a row slipped in below 1 is seen.
    std::int64_t after = std::numeric_limits<std::int64_t>::min();
    for (;;) {
        auto batch = db.query(select, {after, kBatch});
        for (const auto& row : batch.rows) walk.visit(row);
        if (static_cast<std::int64_t>(batch.rows.size()) < kBatch) break;
        after = walk.last_seq();
    }
    walk.check_head(db);
    return walk.report();
}

std::string check_kept_head(db::Connection& db, std::int64_t seq, std::string_view hash) {
    if (seq == 0 && hash.empty()) return "";  // exported when the log was empty
    auto found = db.query("SELECT hash FROM audit_log WHERE seq = $1", {seq});
    if (found.empty()) return entry_name(seq) + ", the kept head, is missing";
    if (found.rows.front().text(0) != hash) {
        return entry_name(seq) + " was rewritten after it was exported: its hash is not the kept head's";
    }
    return "";
}

}  // namespace safeboard::audit
