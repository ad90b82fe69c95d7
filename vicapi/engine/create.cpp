#include "vicapi/engine/create.h"

#include <set>

#include "vicapi/engine/actions/permissions.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/pool_spec.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/file_manager.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/resource_pool.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine {

using nlohmann::json;
namespace gi = guestinfo;

namespace {

// Everything the steps hand to one another.
struct CreateState {
  VchCertificates certs;
  vim::Moref pool;
  vim::Moref folder;  // the VCH's own folder (vCenter), else the datacenter's
  vim::Moref vm;
  gi::Placement placement;
  std::vector<std::string> warnings;
};

// The distinct port groups of the endpoint's roles, each one NIC, in a fixed order.
std::vector<std::pair<std::string, ResolvedNetwork>> endpointNics(const ResolvedVch& r) {
  std::vector<std::pair<std::string, ResolvedNetwork>> nics;
  for (const char* role : {"public", "client", "management", "bridge"}) {
    auto it = r.roles.find(role);
    if (it == r.roles.end()) continue;
    bool seen = false;
    for (const auto& [_, n] : nics)
      seen |= n == it->second;
    if (!seen) nics.emplace_back(role, it->second);
  }
  return nics;
}

soap::Node nicFor(int key, const ResolvedNetwork& n) {
  if (n.ref.type == "DistributedVirtualPortgroup")
    return vim::devices::vmxnet3OnPortgroup(key, n.switchUuid, n.portgroupKey);
  return vim::devices::vmxnet3OnNetwork(key, n.name);
}

// The model as stored in the VM: the normalised request plus the TLS material
// create made.
Vch storedModel(const ResolvedVch& r, const VchCertificates& certs) {
  Vch m = r.vch;
  m.auth.serverCertificate = certs.serverCertificate;
  m.auth.serverPrivateKey = certs.serverKey;
  m.auth.clientCas = certs.clientCas;
  return m;
}

std::vector<std::string> staticAddresses(const Vch& v) {
  std::vector<std::string> out;
  for (const auto* n : {&v.network.publicNet, &v.network.client, &v.network.management})
    if (*n && !(*n)->staticAddress.empty()) out.push_back((*n)->staticAddress);
  return out;
}

// `cl` may be null when only the step names are wanted.
Plan buildPlan(vim::Client* cl, const ResolvedVch& r, const CreateOptions& o,
               std::shared_ptr<CreateState> st) {
  const Vch& v = r.vch;
  const std::string dc = r.datacenter.str();
  const std::string image = "[" + r.imageDatastoreName + "] " + r.imagePath;
  Plan plan;

  plan.add({"certificates", "Generate the VCH's certificates", [&r, st](StepContext&) {
              st->certs = makeCertificates(r.vch, staticAddresses(r.vch));
            }});

  if (r.vcenter) {
    plan.add({"vm_folder", "Create the VM folder " + v.name, [cl, &r, st](StepContext& ctx) {
                st->folder = vim::Folder(*cl, r.vmFolder).createFolder(r.vch.name);
                ctx.recordUndo(undo::DestroyEntity{st->folder});
              }});
  }

  plan.add({"resource_pool",
            std::string(v.compute.vapp ? "Create the vApp " : "Create the resource pool ") + v.name,
            [cl, &r, st](StepContext& ctx) {
              if (!r.vcenter) st->folder = r.vmFolder;
              if (r.cluster && !r.drsEnabled) {
                // Child pools need DRS; the original used the cluster's own pool then.
                st->pool = r.parentPool;
                st->placement.ownPool = false;
                st->warnings.push_back(
                    "DRS is disabled on the cluster: the VCH runs in its root resource pool "
                    "and its CPU and memory limits are not applied");
                ctx.log(st->warnings.back());
                return;
              }
              vim::ResourcePool parent(*cl, r.parentPool);
              st->pool = r.vch.compute.vapp
                             ? parent.createVApp(r.vch.name, poolSpecOf(r.vch), st->folder)
                             : parent.createResourcePool(r.vch.name, poolSpecOf(r.vch));
              ctx.recordUndo(undo::DestroyEntity{st->pool});
            }});

  plan.add({"datastore_folder", "Create the datastore folder " + image,
            [cl, &r, image, dc](StepContext& ctx) {
              const auto made = actions::makeDirectories(*cl, r.datacenter, image);
              for (const auto& level : made)
                ctx.recordUndo(undo::DeleteDatastoreFile{r.datacenter, level});
              // Made here or not at all: validation found no such folder, so one
              // there now was made since, by another create perhaps, and is not ours
              // to fill (nor, rolling back, to empty).
              if (made.empty() || made.back() != image)
                throw ConflictError("the folder " + image +
                                    " already exists (made since validation, perhaps by another "
                                    "VCH); choose another folder or VCH name");
            }});

  plan.add({"upload_images",
            "Upload " + o.images.applianceName() + " and " + o.images.bootstrapName(),
            [cl, &r, &o, image, dc, st](StepContext& ctx) {
              vim::DatastoreFiles files(*cl, r.datacenterPath, r.imageDatastoreName);
              const std::pair<std::filesystem::path, std::string> uploads[] = {
                  {o.images.applianceIso, o.images.applianceName()},
                  {o.images.bootstrapIso, o.images.bootstrapName()}};
              for (const auto& [local, name] : uploads) {
                // Recorded first: a half-written file must go too.
                ctx.recordUndo(undo::DeleteDatastoreFile{r.datacenter, image + "/" + name});
                files.upload(local, r.imagePath + "/" + name);
              }
              st->placement.applianceIso = image + "/" + o.images.applianceName();
              st->placement.bootstrapIso = image + "/" + o.images.bootstrapName();
            }});

  if (!r.volumeStores.empty()) {
    plan.add(
        {"volume_stores", "Create the volume store folders", [cl, &r, dc, st](StepContext& ctx) {
           for (const auto& vs : r.volumeStores) {
             if (vs.nfs) {
               st->placement.volumeStores[vs.label] = vs.url;
               continue;
             }
             st->placement.volumeStores[vs.label] = vs.datastorePath();
             for (const auto& made :
                  actions::makeDirectories(*cl, r.datacenter, vs.datastorePath())) {
               ctx.recordUndo(undo::DeleteDatastoreFile{r.datacenter, made});
               st->placement.createdVolumeDirs.push_back(made);
             }
           }
         }});
  }

  const auto& opsUser = v.endpoint.operationsCredentials;
  if (opsUser && opsUser->grantPermissions) {
    plan.add({"permissions", "Grant " + opsUser->user + " the permissions the VCH needs",
              [cl, &r, st](StepContext& ctx) {
                const std::string user = r.vch.endpoint.operationsCredentials->user;
                auto role = actions::ensureEndpointRole(*cl);
                if (role.created) ctx.recordUndo(undo::RemoveRole{role.roleId});
                auto grant = [&](const vim::Moref& entity, int roleId, bool propagate) {
                  actions::setPermission(*cl, entity, user, roleId, propagate);
                  st->placement.permissions.push_back(entity.str());
                  ctx.recordUndo(undo::RemovePermission{entity, user, false});
                };
                grant(r.datacenter, actions::kReadOnlyRoleId, false);
                grant(st->pool, role.roleId, true);
                if (r.vcenter) grant(st->folder, role.roleId, true);
                std::set<vim::Moref> granted{r.imageDatastore};
                grant(r.imageDatastore, role.roleId, false);
                for (const auto& vs : r.volumeStores)
                  if (!vs.nfs && granted.insert(vs.datastore).second)
                    grant(vs.datastore, role.roleId, false);
                std::set<vim::Moref> nets;
                for (const auto& [_, n] : r.roles)
                  nets.insert(n.ref);
                for (const auto& [_, n] : r.containerNetworks)
                  nets.insert(n.ref);
                for (const auto& n : nets)
                  grant(n, role.roleId, false);
              }});
  }

  plan.add({"endpoint_vm", "Create the endpoint VM " + v.name,
            [cl, &r, &o, image, st](StepContext& ctx) {
              auto& p = st->placement;
              p.target = o.target;
              p.targetThumbprint = o.targetThumbprint;
              p.datacenter = r.datacenter.str();
              p.datacenterPath = r.datacenterPath;
              p.computeResource = r.computeResource.str();
              p.pool = st->pool.str();
              if (r.vcenter) p.folder = st->folder.str();
              p.datastore = r.imageDatastoreName;
              p.imagePath = image;
              for (const auto& [role, n] : r.roles)
                p.networks[role] = n.ref.str();
              for (const auto& [alias, n] : r.containerNetworks)
                p.networks["container:" + alias] = n.ref.str();
              if (r.vch.compute.useVmGroup) p.vmGroupCluster = r.owner.str();

              vim::VmConfigSpec spec;
              spec.name = r.vch.name;
              spec.guestId = "otherGuest64";
              spec.alternateGuestName = "Photon - VCH " + o.images.version.str();
              spec.annotation =
                  "Virtual Container Host " + r.vch.name + " (vSphere Integrated Containers)";
              spec.vmPathName = image + "/" + r.vch.name + ".vmx";
              spec.numCPUs = *r.vch.endpoint.cpuSockets;
              spec.memoryMB = r.vch.endpoint.memory->value;
              spec.deviceChange.push_back(
                  vim::devices::add(vim::devices::pvscsiController(-100, 0)));
              int key = -200;
              for (const auto& [role, n] : endpointNics(r))
                spec.deviceChange.push_back(vim::devices::add(nicFor(key--, n)));
              spec.deviceChange.push_back(vim::devices::add(
                  vim::devices::isoCdrom(-300, vim::devices::kIdeController0, 0, p.applianceIso)));
              spec.deviceChange.push_back(
                  vim::devices::add(vim::devices::serialToFile(-400, image + "/tether.debug")));
              const Secret sealingKey = gi::newSealingKey();
              auto kv = gi::encode(storedModel(r, st->certs), p, gi::kCreatingId,
                                   o.images.version.str(), sealingKey);
              kv["answer.msg.serial.file.open"] = "Append";
              spec.extraConfig.assign(kv.begin(), kv.end());

              std::optional<vim::Moref> host;
              if (!r.cluster && r.hosts.size() == 1) host = r.hosts.front();
              auto result = vim::Folder(*cl, st->folder).createVM(spec, st->pool, host).wait();
              st->vm = vim::Moref::from(result);
              ctx.recordUndo(undo::DestroyVm{st->vm});
            }});

  plan.add({"endpoint_identity", "Record the endpoint VM's identity", [cl, st](StepContext&) {
              // The id key names the VM itself from now on, which is what
              // tells a VCH from a copy of its VM.
              actions::setExtraConfig(*cl, st->vm, {{gi::kIdKey, st->vm.str()}});
            }});

  if (v.compute.useVmGroup) {
    plan.add({"vm_group", "Create the DRS VM group " + v.name, [cl, &r, st](StepContext& ctx) {
                actions::addVmGroup(*cl, r.owner, r.vch.name, st->vm);
                ctx.recordUndo(undo::RemoveVmGroup{r.owner, r.vch.name});
              }});
  }

  plan.add({"power_on", "Power on the endpoint VM", [cl, st](StepContext& ctx) {
              vim::VirtualMachine(*cl, st->vm).powerOn().wait();
              ctx.recordUndo(undo::PowerOff{st->vm});
            }});
  return plan;
}

}  // namespace

std::vector<std::string> createStepNames(const ResolvedVch& vch) {
  CreateOptions o;
  return buildPlan(nullptr, vch, o, std::make_shared<CreateState>()).stepNames();
}

CreateResult createVch(vim::Client& client, const ResolvedVch& vch, const CreateOptions& options,
                       PlanObserver& observer) {
  auto st = std::make_shared<CreateState>();
  Plan plan = buildPlan(&client, vch, options, st);
  plan.execute(client, observer, options.faultHook);
  return CreateResult{st->vm, st->certs, st->warnings};
}

}  // namespace vic::engine
