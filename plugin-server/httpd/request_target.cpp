#include "plugin-server/httpd/request_target.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "plugin-server/httpd/http_error.h"

namespace vic::server {

namespace {

std::string decoded(std::string_view raw, bool plusAsSpace, std::string_view what) {
  std::string in(raw), out;
  // Forms write a space in a query as "+" (and a plus as "%2B").
  if (plusAsSpace) std::replace(in.begin(), in.end(), '+', ' ');
  try {
    Poco::URI::decode(in, out);
  } catch (const Poco::SyntaxException&) {
    throw HttpError(400, "the " + std::string(what) +
                             " holds a malformed percent-escape: write % as %25, and other "
                             "escapes as % and two hexadecimal digits");
  }
  if (out.find('\0') != std::string::npos)
    throw HttpError(400, "the " + std::string(what) + " holds a NUL character (%00)");
  return out;
}

}  // namespace

std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  if (!out.empty() && out.back().empty() && path.size() > 1) out.pop_back();  // trailing slash
  return out;
}

RequestTarget RequestTarget::parse(std::string_view target) {
  RequestTarget t;
  // A proxy's absolute form, "https://host/path": only the path matters here.
  if (target.substr(0, 7) == "http://" || target.substr(0, 8) == "https://") {
    const auto path = target.find('/', target.find("//") + 2);
    target = path == std::string_view::npos ? std::string_view("/") : target.substr(path);
  }
  target = target.substr(0, target.find('#'));
  const auto mark = target.find('?');
  t.rawPath = std::string(target.substr(0, mark));
  for (const auto& s : splitPath(t.rawPath))
    t.segments.push_back(decoded(s, false, "path"));
  if (mark == std::string_view::npos) return t;
  std::string_view rest = target.substr(mark + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    t.query[decoded(pair.substr(0, eq), true, "query")] =
        eq == std::string_view::npos ? std::string() : decoded(pair.substr(eq + 1), true, "query");
  }
  return t;
}

}  // namespace vic::server
