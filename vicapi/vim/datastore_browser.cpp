#include "vicapi/vim/datastore_browser.h"

#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

DatastoreBrowser::DatastoreBrowser(Client& client, const Moref& datastore)
    : DatastoreBrowser(client, datastore, Moref{}) {}

DatastoreBrowser::DatastoreBrowser(Client& client, const Moref& datastore, const Moref& browser)
    : client_(client), browser_(browser) {
  if (!browser_.empty()) return;
  auto o = PropertyCollector(client).retrieveOne(datastore, {"browser"});
  if (const auto* b = o.prop("browser")) browser_ = Moref::from(*b);
}

std::vector<std::string> DatastoreBrowser::list(const std::string& datastorePath,
                                                const std::vector<std::string>& patterns) const {
  soap::Node spec = soap::typed("HostDatastoreBrowserSearchSpec", soap::Node("searchSpec"));
  for (const auto& p : patterns)
    spec.add(soap::el("matchPattern", p));
  auto r = client_.invoke("SearchDatastore_Task", browser_,
                          {soap::el("datastorePath", datastorePath), std::move(spec)});
  auto result =
      Task(client_, Moref::from(r.at("returnval")), "SearchDatastore_Task " + datastorePath).wait();
  std::vector<std::string> names;
  for (const soap::Node* f : result.all("file"))
    names.push_back(f->textOf("path"));
  return names;
}

bool DatastoreBrowser::exists(const std::string& datastorePath) const {
  // "[ds] a/b" -> look for "b" in "[ds] a"; "[ds] a" -> "a" in "[ds]".
  const auto close = datastorePath.find(']');
  std::string rel = close == std::string::npos ? "" : datastorePath.substr(close + 1);
  while (!rel.empty() && (rel.front() == ' ' || rel.front() == '/'))
    rel.erase(0, 1);
  while (!rel.empty() && rel.back() == '/')
    rel.pop_back();
  if (rel.empty()) return true;
  const auto slash = rel.rfind('/');
  const std::string parent = datastorePath.substr(0, close + 1) +
                             (slash == std::string::npos ? "" : " " + rel.substr(0, slash));
  const std::string leaf = slash == std::string::npos ? rel : rel.substr(slash + 1);
  try {
    for (const auto& name : list(parent, {leaf}))
      if (name == leaf) return true;
    return false;
  } catch (const FileNotFoundFault&) {
    return false;
  }
}

}  // namespace vic::vim
