#pragma once
// A JSON document produced in order, either as a tree or as text written to a stream as it is
// produced (the same text as the tree's dump(2)). A serialiser written against JsonWriter has
// one shape in both forms; the stream form holds one entry at a time, so a result listing
// millions of states is written in bounded memory.
#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace accord::report::detail {

class JsonWriter {
 public:
  virtual ~JsonWriter() = default;
  // `key` names the member inside an object; it is ignored at the root and inside arrays.
  virtual void begin_object(std::string_view key = {}) = 0;
  virtual void begin_array(std::string_view key = {}) = 0;
  virtual void end() = 0;  // closes the innermost object or array
  virtual void value(std::string_view key, const nlohmann::ordered_json& v) = 0;
  void value(const nlohmann::ordered_json& v) { value({}, v); }
  // A string value (the same as value(key, Json(s)), without building one).
  virtual void text(std::string_view key, std::string_view s) = 0;
  void text(std::string_view s) { text({}, s); }
};

class TreeWriter final : public JsonWriter {
 public:
  void begin_object(std::string_view key = {}) override;
  void begin_array(std::string_view key = {}) override;
  void end() override;
  void value(std::string_view key, const nlohmann::ordered_json& v) override;
  void text(std::string_view key, std::string_view s) override;
  using JsonWriter::text;
  using JsonWriter::value;
  [[nodiscard]] nlohmann::ordered_json take() { return std::move(root_); }

 private:
  nlohmann::ordered_json& place(std::string_view key, nlohmann::ordered_json v);
  nlohmann::ordered_json root_;
  std::vector<nlohmann::ordered_json*> open_;
};

// Output is gathered in a buffer of about 1 MiB between writes to the stream; flush() (also
// called by the destructor) writes the rest.
class StreamWriter final : public JsonWriter {
 public:
  explicit StreamWriter(std::ostream& os) : os_(os) {}
  ~StreamWriter() override { flush(); }
  StreamWriter(const StreamWriter&) = delete;
  StreamWriter& operator=(const StreamWriter&) = delete;
  void begin_object(std::string_view key = {}) override;
  void begin_array(std::string_view key = {}) override;
  void end() override;
  void value(std::string_view key, const nlohmann::ordered_json& v) override;
  void text(std::string_view key, std::string_view s) override;
  using JsonWriter::text;
  using JsonWriter::value;
  void flush();

 private:
  struct Frame {
    bool array = false;
    bool empty = true;
  };
  void prefix(std::string_view key);  // separator, newline, indent and "key": for the next member
  void indent();
  void maybe_flush();
  std::ostream& os_;
  std::string buf_;
  std::vector<Frame> open_;
};

}  // namespace accord::report::detail
