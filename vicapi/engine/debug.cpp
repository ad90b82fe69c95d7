#include "vicapi/engine/debug.h"

#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/vim/client.h"

namespace vic::engine {

namespace gi = guestinfo;
using nlohmann::json;

namespace {
constexpr const char* kSsh = "guestinfo.vice./debug/enable_ssh";
constexpr const char* kKey = "guestinfo.vice./debug/authorized_key";
constexpr const char* kPassword = "guestinfo.vice./debug/root_password@secret";
}  // namespace

void debugVch(vim::Client& client, const std::string& id, const DebugSpec& spec,
              PlanObserver& observer, const FaultHook& hook) {
  const VchRecord r = loadVch(client, id);
  if (r.stored.locked)
    throw ConflictError("VCH " + r.name +
                        " is being upgraded or configured; try again when that has finished");
  if (!spec.enableSsh && (!spec.authorizedKey.empty() || !spec.rootPassword.empty()))
    throw UsageError("an authorized key or root password needs enable-ssh");
  gi::KeyValues values{
      {kSsh, spec.enableSsh ? "true" : ""}, {kKey, spec.authorizedKey}, {kPassword, ""}};
  if (!spec.rootPassword.empty())
    values[kPassword] = gi::seal(sealingKey(client, r), spec.rootPassword);
  std::map<std::string, std::string> old;
  for (const auto& [k, v] : values) {
    auto it = r.extraConfig.find(k);
    old[k] = it == r.extraConfig.end() ? "" : it->second;
  }
  Plan plan;
  plan.add({"debug_settings",
            spec.enableSsh ? "Enable SSH on the endpoint VM" : "Disable SSH on the endpoint VM",
            [&](StepContext& ctx) {
              ctx.recordUndo(undo::SetExtraConfig{r.vm, old, {}});
              actions::setExtraConfig(client, r.vm, values);
            }});
  plan.execute(client, observer, hook);
}

}  // namespace vic::engine
