#pragma once
// Versioned schema migrations (PRAGMA user_version), applied in order at open.
#include <SQLiteCpp/Database.h>

namespace accord::store {

[[nodiscard]] int user_version(SQLite::Database& db);
// Applies every migration after the current version up to `target`, each in its own
// transaction together with the user_version bump. Throws on SQLite errors; refuses a
// database newer than this build (std::runtime_error).
void migrate(SQLite::Database& db, int target);

}  // namespace accord::store
