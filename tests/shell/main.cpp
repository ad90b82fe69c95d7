// vsphere-client-shell: a stand-in for the vSphere Client, for development,
// the browser tests and the demo. It starts a simulated vCenter and
// vic-machine-server, registers the appliance with it as a remote plug-in,
// and serves the page that loads the plug-in's views as the vSphere Client
// does (frames, the htmlClientSdk API, session tokens, the proxy).
//
//   vsphere-client-shell [--listen 127.0.0.1:9443] [--work-dir DIR]
//
// Prints "VIC shell ready: {json}" with the addresses once everything runs,
// then serves until interrupted.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/shell/shell_server.h"
#include "tests/support/api_client.h"
#include "tests/support/server_process.h"
#include "tests/support/vsphere_client_sessions.h"
#include "vicapi/base/error.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/util/child_process.h"
#include "vicapi/util/log.h"

namespace fs = std::filesystem;
using namespace vic;

namespace {

constexpr const char* kUser = "administrator@vsphere.local";
constexpr const char* kPassword = "Admin!23";

std::map<std::string, std::string> parse(int argc, char** argv) {
  std::map<std::string, std::string> flags{{"listen", "127.0.0.1:9443"}};
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << "usage: vsphere-client-shell [--listen ip:port] [--work-dir dir]\n";
      std::exit(0);
    }
    auto eq = a.find('=');
    if (a.rfind("--", 0) != 0) throw UsageError("unexpected argument " + a);
    if (eq != std::string::npos) {
      flags[a.substr(2, eq - 2)] = a.substr(eq + 1);
    } else if (i + 1 < argc) {
      flags[a.substr(2)] = argv[++i];
    } else {
      throw UsageError(a + " needs a value");
    }
  }
  return flags;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    auto flags = parse(argc, argv);
    logger()->set_level(spdlog::level::warn);
    const fs::path work = flags.count("work-dir") ? fs::path(flags["work-dir"])
                                                  : fs::temp_directory_path() /
                                                        ("vic-shell-" + std::to_string(::getpid()));
    fs::create_directories(work);

    // Signals are taken by sigwait at the end; the servers' threads must not see them.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);

    sim::SimulatorOptions so;
    so.workDir = work / "vcenter";
    so.username = kUser;
    so.password = kPassword;
    so.extraArgs = {"-pg",
                    "2"};  // a distributed port group for container networks besides the bridge
    auto vcenter = sim::Simulator::start(so);
    vim::Client admin(vcenter->endpoint(), tls::Trust::pin(vcenter->thumbprint()));
    admin.login(kUser, Secret(kPassword));
    // As an administrator would before creating VCHs (vcsim's hosts start closed).
    engine::setFirewall(admin, std::nullopt, true);

    test::ServerOptions server;
    server.dataDir = work / "appliance";
    server.extraArgs = {"--log-level=info"};
    test::ServerProcess appliance(server);
    test::ApiClient api(appliance.host(), appliance.port(), appliance.thumbprint());
    auto registered =
        api.send("POST",
                 "/plugin/target/" + vcenter->target() +
                     "/registration?client=remote&thumbprint=" + vcenter->thumbprint().str(),
                 test::basicAuth(kUser, kPassword));
    if (registered.status != 200)
      throw Error("registering the appliance failed: " + registered.body);

    // Each VCH's guest: its endpoint daemon on a loopback address, told to
    // vCenter as the VM's IP. Its messages (how to reach a new VCH with the
    // docker CLI) go to this program's stderr.
    ChildOptions runnerOptions;
    runnerOptions.argv = {VIC_ENDPOINT_RUNNER_BINARY,
                          "--target",
                          vcenter->target(),
                          "--thumbprint",
                          vcenter->thumbprint().str(),
                          "--user",
                          kUser,
                          "--state-dir",
                          (work / "endpoints").string(),
                          "--endpoint",
                          VIC_ENDPOINT_BINARY};
    runnerOptions.environment = {{"VIC_PASSWORD", kPassword}};
    auto runner = ChildProcess::spawn(runnerOptions);
    runner.waitForLine("vic-endpoint-runner watching", std::chrono::seconds(30));

    test::VsphereClientSessions sessions(*vcenter);
    const std::string token = sessions.signIn(kUser, kPassword);
    shell::ShellServer shell(*vcenter, admin, sessions, kUser, token, flags["listen"]);

    const nlohmann::json ready{
        {"shell", shell.url() + "/"},
        {"appliance", "https://" + appliance.host() + ":" + std::to_string(appliance.port()) + "/"},
        {"vcenter", vcenter->target()},
        {"thumbprint", vcenter->thumbprint().str()},
        {"user", kUser},
        {"password", kPassword},
        {"work", work.string()},
        {"endpoints", (work / "endpoints").string()}};
    std::cout << "VIC shell ready: " << ready.dump() << "\n\n"
              << "  Open " << shell.url() << "/ in a browser (the certificate is self-signed).\n"
              << "  It plays the vSphere Client, signed in as " << kUser << " (password "
              << kPassword << "),\n"
              << "  with the VIC plug-in served by this appliance: "
              << ready["appliance"].get<std::string>() << "\n"
              << "  Simulated vCenter: https://" << vcenter->target() << "/sdk (thumbprint "
              << vcenter->thumbprint().str() << ")\n"
              << "  Each VCH you create gets its endpoint daemon on a loopback address of this\n"
              << "  machine; how to reach it with the docker CLI is printed here when it starts.\n"
              << "  Ctrl-C stops everything; the work files are in " << work.string() << "\n"
              << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "vsphere-client-shell: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vsphere-client-shell: " << e.what() << "\n";
    return 1;
  }
}
