#ifndef CLAIMS_CSQLITE_SHIM_H
#define CLAIMS_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import; it tells SQLite to copy bound text.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// claims_rank(claims_fts): Okapi BM25 without its inverse document frequency, lower is better like bm25().
// FTS5's bm25() counts every row holding each phrase on its first call, a scan of the whole doclist that
// takes tens of milliseconds for a common word in a large archive; search ranks only the newest matches,
// where term frequency and length carry the ranking and every phrase weighs the same.
static void csqlite_claims_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                                int argc, sqlite3_value **argv) {
    (void)argc; (void)argv;
    sqlite3_int64 rows = 0, tokens = 0;
    int length = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK
        || api->xColumnSize(fts, -1, &length) != SQLITE_OK) {
        sqlite3_result_error(ctx, "claims_rank: cannot read the index statistics", -1);
        return;
    }
    const double k1 = 1.2, b = 0.75;
    double average = rows > 0 ? (double)tokens / (double)rows : 1.0;
    double norm = k1 * (1.0 - b + b * (double)length / (average > 0 ? average : 1.0));
    double score = 0.0;
    for (int phrase = 0; phrase < api->xPhraseCount(fts); phrase++) {
        Fts5PhraseIter iter;
        int column = 0, offset = 0, hits = 0;
        if (api->xPhraseFirst(fts, phrase, &iter, &column, &offset) != SQLITE_OK) continue;
        for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) hits++;
        score += (double)hits * (k1 + 1.0) / ((double)hits + norm);
    }
    sqlite3_result_double(ctx, -score);
}

// Registers claims_rank on a connection; returns an SQLite result code.
static inline int csqlite_register_claims_rank(sqlite3 *db) {
    fts5_api *fts5 = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&fts5, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (fts5 == 0 || fts5->iVersion < 2) return SQLITE_ERROR;
    return fts5->xCreateFunction(fts5, "claims_rank", 0, csqlite_claims_rank, 0);
}
#endif
