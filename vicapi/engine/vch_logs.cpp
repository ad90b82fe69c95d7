#include "vicapi/engine/vch_logs.h"

#include <algorithm>
#include <sstream>

#include "vicapi/base/error.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/utc_time.h"
#include "vicapi/vim/datastore_browser.h"
#include "vicapi/vim/datastore_files.h"

namespace vic::engine {

namespace {

// What a log read may bring back in all: far more than any operation writes,
// little enough that a folder of huge files cannot exhaust the appliance.
constexpr std::uint64_t kMaxLogBytes = 16u << 20;

// "vch-1" of "[LocalDS_0] vch-1".
std::string folderOf(const VchRecord& vch) {
  const auto& image = vch.stored.placement.imagePath;
  const auto close = image.find("] ");
  if (close == std::string::npos) throw Error("VCH " + vch.name + " records no datastore folder");
  return image.substr(close + 2);
}

}  // namespace

std::string vchLogName(std::chrono::system_clock::time_point when, const std::string& operation,
                       const std::string& id) {
  return "vic-machine_" + utcTimestamp(when, false) + "_" + operation + "_" + id + ".log";
}

void writeVchLog(vim::Client& client, const VchRecord& vch, const std::string& name,
                 const std::string& text) {
  const auto& p = vch.stored.placement;
  std::istringstream in(text);
  vim::DatastoreFiles(client, p.datacenterPath, p.datastore)
      .upload(in, text.size(), folderOf(vch) + "/" + name);
}

std::optional<std::string> readVchLogs(vim::Client& client, const VchRecord& vch) {
  if (vch.datastore.empty()) return std::nullopt;
  const auto& p = vch.stored.placement;
  const std::string folder = folderOf(vch);
  std::vector<std::string> names;
  try {
    names = vim::DatastoreBrowser(client, vch.datastore)
                .list("[" + p.datastore + "] " + folder, {"vic-machine*.log"});
  } catch (const FileNotFoundFault&) {
    return std::nullopt;
  }
  if (names.empty()) return std::nullopt;
  std::sort(names.begin(), names.end());  // the names start with their time
  std::ostringstream out;
  std::uint64_t left = kMaxLogBytes;
  vim::DatastoreFiles files(client, p.datacenterPath, p.datastore);
  for (const auto& name : names) {
    std::ostringstream file;
    files.download(folder + "/" + name, file, left);
    const std::string text = file.str();
    left -= std::min<std::uint64_t>(left, text.size());
    out << "==> " << name << " <==\n" << text;
    if (!text.empty() && text.back() != '\n') out << '\n';
  }
  return out.str();
}

}  // namespace vic::engine
