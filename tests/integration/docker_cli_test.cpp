// A VCH answers the real docker CLI: its endpoint daemon, started by the
// runner as the VCH's guest would start it, pulls from Debian's
// docker-registry, runs containers as VMs in the VCH's pool and keeps nothing
// of its own. What the CLI says is checked against vCenter itself.
#include <boost/test/unit_test.hpp>

#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/docker_registry.h"
#include "tests/support/endpoint_runner.h"
#include "tests/support/engine_world.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/containers.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"

using namespace vic;

namespace {

// The container VMs in a pool, by container name, with their power state:
// read from vCenter, not from the daemon.
std::map<std::string, std::string> containerVmsInPool(vim::Client& c, const vim::Moref& pool) {
  std::map<std::string, std::string> out;
  vim::PropertyCollector pc(c);
  const auto vms = pc.retrieveOne(pool, {"vm"});
  const auto* list = vms.prop("vm");
  if (!list) return out;
  for (const auto* ref : list->all("ManagedObjectReference")) {
    const auto vm = vim::Moref::from(*ref);
    auto o = pc.retrieveOne(vm, {"runtime.powerState", "config.extraConfig"});
    const auto keys = vim::fromOptionValues(*o.prop("config.extraConfig"));
    auto name = keys.find(engine::kContainerNameKey);
    if (name != keys.end()) out[name->second] = o.text("runtime.powerState");
  }
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
    s.pop_back();
  return s;
}

struct DockerVch {
  std::unique_ptr<vim::Client> client = test::loggedInClient();
  std::unique_ptr<test::DockerRegistry> registry;
  std::unique_ptr<test::DockerRegistry> offList;
  std::unique_ptr<test::DockerRegistry> secure;  // registry's images over HTTPS
  engine::CreateResult vch;
  vim::Moref pool;
  std::string address;

  explicit DockerVch(const std::string& name, const std::string& cname) {
    test::allowVchFirewall(*client);
    registry = std::make_unique<test::DockerRegistry>(name);
    offList = std::make_unique<test::DockerRegistry>(name + "-off");
    secure = std::make_unique<test::DockerRegistry>(name, *registry);
    auto body = test::minimalVchBody(name);
    body["auth"] = {
        {"server", {{"generate", {{"cname", cname}}}}}};  // client certificates required
    body["registry"] = {{"insecure", {registry->host()}},
                        {"whitelist", {registry->host(), secure->host()}},
                        {"certificate_authorities", {{{"pem", secure->caCertificate()}}}}};
    body["storage"]["volume_stores"] = {
        {{"datastore", "ds://LocalDS_0/volumes/" + name}, {"label", "default"}}};
    test::RecordingObserver observer;
    vch = test::createFromBody(*client, body, observer);
    const auto stored =
        engine::guestinfo::decode(engine::actions::readExtraConfig(*client, vch.vm));
    pool = vim::Moref::parse(stored.placement.pool);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(docker_cli, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(the_docker_cli_runs_containers_as_vms_of_the_vch) {
  DockerVch world("vch-cli", "127.0.0.61");
  const auto image = test::pushImage(*world.registry, "test/tiny", "1.0", 64 * 1024);
  const auto forbidden = test::pushImage(*world.offList, "test/tiny", "1.0", 1024, 2);

  auto runner = std::make_unique<test::EndpointRunner>("cli");
  world.address = test::waitForGuestIp(*world.client, world.vch.vm);
  BOOST_TEST(world.address == "127.0.0.61");  // where its certificate says it is
  test::DockerCli docker("cli", world.address + ":2376", world.vch.certificates);
  auto ok = [&](const std::vector<std::string>& args) {
    auto r = docker.run(args);
    BOOST_TEST_REQUIRE(r.exitCode == 0, args.front() << ": " << r.err << r.out);
    return trim(r.out);
  };

  BOOST_TEST(ok({"version", "--format", "{{.Server.Version}} {{.Server.APIVersion}}"}) ==
             version::current().semver() + " 1.25");
  BOOST_TEST(ok({"info", "--format", "{{.Name}} {{.Containers}} {{.Images}}"}) == "vch-cli 0 0");

  // Images.
  const auto pulled = docker.run({"pull", image.reference});
  BOOST_TEST_REQUIRE(pulled.exitCode == 0, pulled.err);
  BOOST_TEST(pulled.out.find("Downloaded newer image") != std::string::npos, pulled.out);
  BOOST_TEST(ok({"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}"}) ==
             world.registry->host() + "/test/tiny:1.0 " + image.configDigest.substr(7, 12));
  BOOST_TEST(ok({"image", "inspect", "--format", "{{.Id}}", image.reference}) ==
             image.configDigest);
  const auto refused = docker.run({"pull", forbidden.reference});
  BOOST_TEST(refused.exitCode != 0);
  BOOST_TEST(refused.err.find("whitelist") != std::string::npos, refused.err);
  BOOST_TEST(refused.err.find(world.registry->host()) != std::string::npos, refused.err);
  BOOST_TEST(ok({"pull", image.reference}).find("Image is up to date") != std::string::npos);
  // By digest, and over HTTPS trusted through the VCH's registry CAs.
  const std::string byDigest = world.registry->host() + "/test/tiny@" + image.manifestDigest;
  BOOST_TEST(ok({"pull", byDigest}).find(image.manifestDigest) != std::string::npos);
  const std::string overTls = world.secure->host() + "/test/tiny:1.0";
  BOOST_TEST(ok({"pull", overTls}).find("Downloaded newer image") != std::string::npos);
  const std::string shortId = image.configDigest.substr(7, 12);
  BOOST_TEST(ok({"images", "--format", "{{.ID}}"}) ==
             shortId + "\n" + shortId);  // one image, two names
  BOOST_TEST(ok({"rmi", overTls}).find("Untagged: " + overTls) != std::string::npos);

  // Containers: a VM in the VCH's pool whose power state is the container's.
  const std::string id =
      ok({"create", "--name", "web", "-p", "8080:80", "-v", "data:/data", "--label", "tier=front",
          "--restart", "always", "-e", "A=1", image.reference, "sh", "-c", "echo hi"});
  BOOST_TEST(id.size() == 64u);
  BOOST_TEST(containerVmsInPool(*world.client, world.pool)["web"] == "poweredOff");
  const auto dup = docker.run({"create", "--name", "web", image.reference});
  BOOST_TEST(dup.exitCode != 0);
  BOOST_TEST(dup.err.find("Conflict") != std::string::npos, dup.err);

  ok({"start", "web"});
  BOOST_TEST(containerVmsInPool(*world.client, world.pool)["web"] == "poweredOn");
  // What needs a process inside the VM answers at once, and says why.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"logs", "web"},
                                               {"exec", "web", "ls"},
                                               {"stats", "--no-stream", "web"}}) {
    const auto r = docker.run(args);
    BOOST_TEST(r.exitCode != 0, args.front());
    BOOST_TEST(r.err.find("process inside the container VM") != std::string::npos,
               args.front() << ": " << r.err);
  }
  BOOST_TEST(ok({"ps", "--format", "{{.Names}} {{.Image}} {{.Ports}}"}) ==
             "web " + image.reference + " 0.0.0.0:8080->80/tcp");
  BOOST_TEST(ok({"inspect", "--format",
                 "{{.State.Running}} {{.Config.Labels.tier}} {{.HostConfig.RestartPolicy.Name}} "
                 "{{(index .Mounts 0).Name}}",
                 "web"}) == "true front always data");
  BOOST_TEST(ok({"info", "--format", "{{.Containers}} {{.ContainersRunning}} {{.Images}}"}) ==
             "1 1 1");

  ok({"stop", "web"});
  BOOST_TEST(containerVmsInPool(*world.client, world.pool)["web"] == "poweredOff");
  BOOST_TEST(ok({"ps", "-q"}).empty());
  ok({"restart", "web"});
  BOOST_TEST(containerVmsInPool(*world.client, world.pool)["web"] == "poweredOn");
  ok({"kill", "web"});
  BOOST_TEST(containerVmsInPool(*world.client, world.pool)["web"] == "poweredOff");
  BOOST_TEST(ok({"wait", "web"}) == "137");
  ok({"rename", "web", "web2"});
  BOOST_TEST(ok({"ps", "-a", "--filter", "name=web2", "--format", "{{.Names}} {{.Status}}"})
                 .rfind("web2 Exited (137)", 0) == 0);
  BOOST_TEST(ok({"ps", "-a", "--filter", "label=tier=front", "-q"}) == id.substr(0, 12));
  BOOST_TEST(ok({"ps", "-a", "--filter", "ancestor=" + image.reference, "-q"}) == id.substr(0, 12));
  BOOST_TEST(ok({"ps", "-a", "--filter", "status=running", "-q"}).empty());

  const auto inUse = docker.run({"rmi", image.reference});
  BOOST_TEST(inUse.exitCode != 0);
  BOOST_TEST(inUse.err.find("is using") != std::string::npos, inUse.err);
  const auto volumeInUse = docker.run({"volume", "rm", "data"});
  BOOST_TEST(volumeInUse.exitCode != 0);
  BOOST_TEST(volumeInUse.err.find("in use") != std::string::npos, volumeInUse.err);

  // Volumes and networks.
  BOOST_TEST(ok({"volume", "create", "--opt", "Capacity=2GB", "--opt", "VolumeStore=default",
                 "v1"}) == "v1");
  BOOST_TEST(ok({"volume", "ls", "-q"}) == "data\nv1");
  BOOST_TEST(ok({"volume", "inspect", "--format", "{{.Driver}} {{.Status.CapacityMB}}", "v1"}) ==
             "vsphere 2048");
  BOOST_TEST(ok({"network", "ls", "--format", "{{.Name}} {{.Driver}}"}) == "bridge bridge");
  BOOST_TEST(ok({"network", "inspect", "--format", "{{(index .IPAM.Config 0).Subnet}}",
                 "bridge"}) == "172.16.0.0/12");

  // The admin portal: a vSphere login, or the client certificate.
  {
    test::PortalClient portal(world.address);
    BOOST_TEST(portal.get("/").status == 303);
    BOOST_TEST(portal.login(test::kTestUser, "wrong").status == 401);
    BOOST_TEST(portal.login(test::kTestUser, test::kTestPassword).status == 303);
    const auto dashboard = portal.get("/");
    BOOST_TEST(dashboard.status == 200);
    for (const std::string& shown :
         {version::current().str(), std::string("connected as"), std::string("Datastore LocalDS_0"),
          world.address + ":2376", std::string("Uptime")})
      BOOST_TEST(dashboard.body.find(shown) != std::string::npos, shown);
    BOOST_TEST(dashboard.body.find(test::kTestPassword) == std::string::npos);
    const auto log = portal.get("/logs/vic-endpoint.log");
    BOOST_TEST(log.status == 200);
    BOOST_TEST(log.body.find("serving VCH vch-cli") != std::string::npos);
    BOOST_TEST(log.body.find(test::kTestPassword) == std::string::npos);
    test::PortalClient withCertificate(world.address, docker.dir() / "cert.pem",
                                       docker.dir() / "key.pem");
    BOOST_TEST(withCertificate.get("/").status == 200);
  }

  // A restarted daemon sees the same world: nothing was kept in it.
  runner->stop();
  runner = std::make_unique<test::EndpointRunner>("cli-again");
  BOOST_TEST(test::waitForGuestIp(*world.client, world.vch.vm) == world.address);
  for (int i = 0; i < 100 && docker.run({"version"}).exitCode != 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  BOOST_TEST(ok({"ps", "-a", "--format", "{{.ID}} {{.Names}}"}) == id.substr(0, 12) + " web2");
  BOOST_TEST(ok({"images", "-q"}) == image.configDigest.substr(7, 12));
  BOOST_TEST(ok({"volume", "ls", "-q"}) == "data\nv1");

  // An anonymous volume lives as long as its container, when `rm -v` says so.
  ok({"create", "--name", "scratch", "-v", "/scratch", image.reference});
  const std::string anonymous =
      ok({"inspect", "--format", "{{(index .Mounts 0).Name}}", "scratch"});
  BOOST_TEST(anonymous.size() == 64u);
  BOOST_TEST(ok({"volume", "ls", "-q"}).find(anonymous) != std::string::npos);
  ok({"rm", "-v", "scratch"});
  BOOST_TEST(ok({"volume", "ls", "-q"}).find(anonymous) == std::string::npos);

  // Removing leaves no VM behind.
  ok({"rm", "web2"});
  BOOST_TEST(containerVmsInPool(*world.client, world.pool).empty());
  ok({"volume", "rm", "v1"});
  ok({"volume", "rm", "data"});
  BOOST_TEST(ok({"volume", "ls", "-q"}).empty());
  BOOST_TEST(ok({"rmi", image.reference}).find("Deleted") != std::string::npos);
  BOOST_TEST(ok({"images", "-q"}).empty());
  const auto gone = docker.run({"inspect", "--type", "container", "web2"});
  BOOST_TEST(gone.exitCode != 0);
  BOOST_TEST(gone.err.find("No such container") != std::string::npos, gone.err);

  // A VCH powered off loses its daemon; powered on, it is back.
  engine::actions::ensurePoweredOff(*world.client, world.vch.vm);
  bool stopped = false;
  for (int i = 0; i < 100 && !stopped; ++i) {
    stopped = docker.run({"version"}).exitCode != 0;
    if (!stopped) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  BOOST_TEST(stopped, "the daemon of a VCH powered off still answers");
  engine::actions::ensurePoweredOn(*world.client, world.vch.vm);
  bool back = false;
  for (int i = 0; i < 100 && !back; ++i) {
    back = docker.run({"version"}).exitCode == 0;
    if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  BOOST_TEST(back, "the daemon did not come back with its VCH");

  // Who may talk to it: only holders of a certificate of the VCH's client CA.
  BOOST_TEST(docker.runWithoutClientCertificate({"version"}).exitCode != 0);
  crypto::CertificateRequest other;
  other.commonName = "someone else";
  other.clientAuth = true;
  other.validDays = 1;
  auto otherCa = crypto::selfSigned([] {
    crypto::CertificateRequest ca;
    ca.commonName = "another CA";
    ca.isCa = true;
    ca.validDays = 1;
    return ca;
  }());
  auto stranger = crypto::issue(other, otherCa);
  crypto::writeCertificate(docker.dir() / "other-cert.pem", stranger.certificatePem);
  crypto::writePrivateKey(docker.dir() / "other-key.pem", stranger.privateKeyPem);
  const auto strangerRun = docker.runWithClientCertificate(
      {"version"}, docker.dir() / "other-cert.pem", docker.dir() / "other-key.pem");
  BOOST_TEST(strangerRun.exitCode != 0);
  BOOST_TEST(strangerRun.out.find("Server:") == std::string::npos, strangerRun.out);
}

BOOST_AUTO_TEST_SUITE_END()
