// Users and bearer tokens. A token is `acc_<token id>_<64 hex>`; only the SHA-256 of the
// secret part is stored, and it is compared in constant time.
#include <charconv>

#include "accord/store/crypto.hpp"
#include "impl.hpp"

namespace accord::store {
namespace {

constexpr std::size_t kSecretBytes = 32;

TokenRecord read_token(SQLite::Statement& q) {
  // Columns: t.id, u.name, u.role, u.party_id, t.created_at, t.revoked_at
  TokenRecord r;
  r.id = q.getColumn(0).getInt64();
  r.name = q.getColumn(1).getString();
  r.role = parse_access_role(q.getColumn(2).getString()).value_or(AccessRole::observer);
  r.party = q.getColumn(3).getString();
  r.created_at = q.getColumn(4).getString();
  if (!q.getColumn(5).isNull()) r.revoked_at = q.getColumn(5).getString();
  return r;
}

constexpr const char* kSelect =
    "SELECT t.id, u.name, u.role, u.party_id, t.created_at, t.revoked_at FROM tokens t JOIN users u ON u.id = "
    "t.user_id";

// Splits a token into its id and secret; false when malformed.
bool split_token(std::string_view token, std::int64_t& id, std::string_view& secret) {
  if (token.size() > 128 || token.substr(0, 4) != "acc_") return false;
  const std::size_t sep = token.find('_', 4);
  if (sep == std::string_view::npos) return false;
  const std::string_view digits = token.substr(4, sep - 4);
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || id <= 0) return false;
  secret = token.substr(sep + 1);
  return secret.size() == kSecretBytes * 2;
}

}  // namespace

Result<NewToken> Store::create_token(AccessRole role, const std::string& party, const std::string& name) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  if (auto e = check_utf8({{party, "party"}, {name, "name"}})) return tl::unexpected(*e);
  if (role == AccessRole::party && party.empty())
    return fail(ErrorCode::invalid, "a party token needs --party ID", "party");
  if (role != AccessRole::party && !party.empty())
    return fail(ErrorCode::invalid, "--party is only for party tokens", "party");
  const std::string user = !name.empty() ? name : role == AccessRole::party ? "party:" + party : std::string(to_string(role));
  return guarded([&]() -> Result<NewToken> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    const std::string at = now_utc();
    std::int64_t user_id = 0;
    {
      SQLite::Statement q(db, "SELECT id, role, party_id FROM users WHERE name = ?");
      q.bind(1, user);
      if (q.executeStep()) {
        if (q.getColumn(1).getString() != to_string(role) || q.getColumn(2).getString() != party)
          return fail(ErrorCode::invalid,
                      "user `" + user + "` already exists with role " + q.getColumn(1).getString() +
                          (q.getColumn(2).getString().empty() ? "" : " for party " + q.getColumn(2).getString()) +
                          "; choose another --name",
                      "name");
        user_id = q.getColumn(0).getInt64();
      }
    }
    if (user_id == 0) {
      SQLite::Statement ins(db, "INSERT INTO users(name, role, party_id, created_at) VALUES(?,?,?,?)");
      ins.bind(1, user);
      ins.bind(2, std::string(to_string(role)));
      ins.bind(3, party);
      ins.bind(4, at);
      ins.exec();
      user_id = db.getLastInsertRowid();
    }
    const std::string secret = random_hex(kSecretBytes);
    SQLite::Statement ins(db, "INSERT INTO tokens(user_id, hash, created_at) VALUES(?,?,?)");
    ins.bind(1, user_id);
    ins.bind(2, sha256_hex(secret));
    ins.bind(3, at);
    ins.exec();
    NewToken out;
    out.record.id = db.getLastInsertRowid();
    out.record.name = user;
    out.record.role = role;
    out.record.party = party;
    out.record.created_at = at;
    out.token = "acc_" + std::to_string(out.record.id) + "_" + secret;
    tx.commit();
    return out;
  });
}

Result<TokenRecord> Store::revoke_token(std::int64_t token_id) {
  if (auto e = impl_->refuse_write()) return tl::unexpected(*e);
  return guarded([&]() -> Result<TokenRecord> {
    std::lock_guard lock(impl_->write_mu);
    Db& db = *impl_->writer;
    Tx tx(db, true);
    SQLite::Statement up(db, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    up.bind(1, now_utc());
    up.bind(2, token_id);
    up.exec();
    SQLite::Statement q(db, std::string(kSelect) + " WHERE t.id = ?");
    q.bind(1, token_id);
    if (!q.executeStep())
      return fail(ErrorCode::not_found, "no token " + std::to_string(token_id), "id");
    TokenRecord r = read_token(q);
    tx.commit();
    return r;
  });
}

std::vector<TokenRecord> Store::tokens() const {
  Impl::Reader r(*impl_);
  SQLite::Statement q(r.db(), std::string(kSelect) + " ORDER BY t.id");
  std::vector<TokenRecord> out;
  while (q.executeStep()) out.push_back(read_token(q));
  return out;
}

std::vector<std::string> Store::party_ids() const {
  Impl::Reader r(*impl_);
  SQLite::Statement q(r.db(), "SELECT DISTINCT party_id FROM parties ORDER BY party_id");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::optional<Principal> Store::authenticate(std::string_view token) const {
  std::int64_t id = 0;
  std::string_view secret;
  if (!split_token(token, id, secret)) return std::nullopt;
  const std::string hash = sha256_hex(secret);
  try {
    Impl::Reader r(*impl_);
    SQLite::Statement q(r.db(),
                        "SELECT t.hash, t.revoked_at, u.id, u.name, u.role, u.party_id FROM tokens t JOIN users u "
                        "ON u.id = t.user_id WHERE t.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    const bool match = constant_time_equal(hash, q.getColumn(0).getString());
    if (!match || !q.getColumn(1).isNull()) return std::nullopt;
    Principal p;
    p.token_id = id;
    p.user_id = q.getColumn(2).getInt64();
    p.name = q.getColumn(3).getString();
    p.role = parse_access_role(q.getColumn(4).getString()).value_or(AccessRole::observer);
    p.party = q.getColumn(5).getString();
    return p;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace accord::store
