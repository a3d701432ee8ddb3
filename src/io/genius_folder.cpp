#include "accord/io/genius_folder.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace accord::io {

namespace {

// The first element name of an XML text (after the declaration, comments and blanks).
std::string root_element(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  std::size_t at = 0;
  while ((at = head.find('<', at)) != std::string::npos) {
    if (head.compare(at, 2, "<?") == 0 || head.compare(at, 2, "<!") == 0) {
      ++at;
      continue;
    }
    std::size_t end = at + 1;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '_')) ++end;
    return head.substr(at + 1, end - at - 1);
  }
  return {};
}

}  // namespace

GeniusFolder find_genius_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  GeniusFolder out;
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".xml") files.push_back(it->path().string());
  if (ec) {
    out.error = folder + ": cannot read the folder (" + ec.message() + ")";
    return out;
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    const std::string root = root_element(f);
    if (root == "negotiation_template") {
      if (!out.domain.empty()) {
        out.error = folder + ": two domain files (" + out.domain + ", " + f + "); give DOMAIN.xml PROFILE.xml... instead";
        return out;
      }
      out.domain = f;
    } else if (root == "utility_space") {
      out.profiles.push_back(f);
    }
  }
  if (out.domain.empty())
    out.error = folder + ": no GENIUS domain file (an .xml file whose root element is <negotiation_template>)";
  else if (out.profiles.empty())
    out.error = folder + ": no GENIUS profile (an .xml file whose root element is <utility_space>)";
  return out;
}

std::vector<std::string> expand_genius_arguments(const std::vector<std::string>& args, std::string& error) {
  if (args.size() == 1 && std::filesystem::is_directory(args[0])) {
    GeniusFolder f = find_genius_folder(args[0]);
    if (!f.ok()) {
      error = f.error;
      return {};
    }
    std::vector<std::string> out{f.domain};
    out.insert(out.end(), f.profiles.begin(), f.profiles.end());
    return out;
  }
  if (args.size() < 2) {
    error = "--genius needs a folder, or DOMAIN.xml and at least one PROFILE.xml";
    return {};
  }
  return args;
}

}  // namespace accord::io
