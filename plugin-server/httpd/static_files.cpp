#include "plugin-server/httpd/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

#include "plugin-server/httpd/http_error.h"
#include "vicapi/util/data_dirs.h"

#ifndef VIC_DEFAULT_UI_DIR
#define VIC_DEFAULT_UI_DIR ""
#endif

namespace vic::server {

namespace fs = std::filesystem;

namespace {

std::string contentType(const fs::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".zip", "application/zip"},
      {".xml", "application/xml"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Whether `file` is `root` or below it, compared a whole component at a
// time: "/srv/ui-private" is not below "/srv/ui".
bool inside(const fs::path& root, const fs::path& file) {
  auto r = root.begin(), f = file.begin();
  for (; r != root.end() && !r->empty(); ++r, ++f)
    if (f == file.end() || *r != *f) return false;
  return true;
}

}  // namespace

Handler staticFiles(fs::path root) {
  root = fs::weakly_canonical(root);
  return [root](Exchange& ex) {
    const auto& segments = ex.segments();
    if ((ex.method() != "GET" && ex.method() != "HEAD") || segments.empty() ||
        segments.front() != "ui")
      throw HttpError(404, "path " + ex.path() + " was not found");
    fs::path relative;
    for (std::size_t i = 1; i < segments.size(); ++i)
      relative /= segments[i];
    fs::path file = fs::weakly_canonical(root / relative);
    // Nothing outside the UI's folder, whatever ".." the path holds.
    if (!inside(root, file)) throw HttpError(404, "path " + ex.path() + " was not found");
    if (fs::is_directory(file)) file /= "index.html";
    if (!fs::exists(file)) {
      if (!file.extension().empty()) throw HttpError(404, "path " + ex.path() + " was not found");
      file = root / "index.html";
      if (!fs::exists(file)) throw HttpError(404, "path " + ex.path() + " was not found");
    }
    // Built files carry a hash in their names; index.html must be fetched anew.
    sendFile(ex, file, file.filename() == "index.html" ? "no-cache" : "max-age=86400");
  };
}

fs::path locateUi() {
  for (const auto& dir : dataDirCandidates("VIC_UI_DIR", VIC_DEFAULT_UI_DIR, "ui"))
    if (fs::exists(dir / "index.html")) return dir;
  return {};
}

void sendFile(Exchange& ex, const fs::path& file, const std::string& cacheControl) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw HttpError(404, "path " + ex.path() + " was not found");
  std::stringstream body;
  body << in.rdbuf();
  ex.setHeader("Cache-Control", cacheControl);
  ex.sendText(200, body.str(), contentType(file));
}

}  // namespace vic::server
