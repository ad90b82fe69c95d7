#include "daemon/images/image_json.h"

#include "daemon/time_text.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;

std::string created(const ImageRecord& i) {
  return i.config.value("created", std::string("0001-01-01T00:00:00Z"));
}

json labels(const ImageRecord& i) {
  const auto cfg = i.config.value("config", json::object());
  return cfg.is_object() ? cfg.value("Labels", json(nullptr)) : json(nullptr);
}

}  // namespace

json imageSummary(const ImageRecord& i) {
  return {{"Id", i.id},
          {"ParentId", ""},
          {"RepoTags", i.repoTags.empty() ? json::array({"<none>:<none>"}) : json(i.repoTags)},
          {"RepoDigests", i.repoDigests},
          {"Created", epochOf(created(i))},
          {"Size", i.size},
          {"VirtualSize", i.size},
          {"SharedSize", -1},
          {"Labels", labels(i)},
          {"Containers", -1}};
}

json imageInspect(const ImageRecord& i) {
  const auto cfg = i.config.value("config", json::object());
  json diffIds = json::array();
  if (auto rootfs = i.config.find("rootfs"); rootfs != i.config.end() && rootfs->is_object())
    diffIds = rootfs->value("diff_ids", json::array());
  return {{"Id", i.id},
          {"RepoTags", i.repoTags},
          {"RepoDigests", i.repoDigests},
          {"Parent", ""},
          {"Comment", ""},
          {"Created", created(i)},
          {"Container", ""},
          {"ContainerConfig", cfg},
          {"DockerVersion", i.config.value("docker_version", "")},
          {"Author", i.config.value("author", "")},
          {"Config", cfg},
          {"Architecture", i.config.value("architecture", "amd64")},
          {"Os", i.config.value("os", "linux")},
          {"Size", i.size},
          {"VirtualSize", i.size},
          {"GraphDriver", {{"Name", "vsphere"}, {"Data", nullptr}}},
          {"RootFS", {{"Type", "layers"}, {"Layers", diffIds}}},
          {"Metadata", {{"LastTagTime", "0001-01-01T00:00:00Z"}}}};
}

json imageHistory(const ImageRecord& i) {
  json out = json::array();
  const auto history = i.config.value("history", json::array());
  if (!history.is_array()) return out;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (!it->is_object()) continue;
    out.push_back({{"Id", out.empty() ? i.id : "<missing>"},
                   {"Created", epochOf(it->value("created", ""))},
                   {"CreatedBy", it->value("created_by", "")},
                   {"Tags", out.empty() ? json(i.repoTags) : json(nullptr)},
                   {"Size", 0},
                   {"Comment", it->value("comment", "")}});
  }
  return out;
}

}  // namespace vic::endpoint
