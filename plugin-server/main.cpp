// vic-machine-server: the REST API of the VIC engine and the back end of the
// vSphere Client plug-in, over HTTPS.
#include <iostream>
#include <map>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include "plugin-server/api/error_replies.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/config/logging.h"
#include "plugin-server/config/server_config.h"
#include "plugin-server/config/server_identity.h"
#include "plugin-server/httpd/dispatcher.h"
#include "plugin-server/httpd/static_files.h"
#include "plugin-server/registration/registration_cli.h"
#include "plugin-server/store/audit_log.h"
#include "plugin-server/store/journal.h"
#include "vicapi/tls/init.h"
#include "vicapi/util/log.h"
#include "vicapi/version/version.h"

namespace vic::server {
extern const char* const kOpenApiDocument;
}

namespace {

using Poco::Util::Option;

class ServerApp : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& o) override {
    ServerApplication::defineOptions(o);
    auto flag = [&](const char* name, const char* help, const char* arg) {
      // Repeatable so that a script may append a flag to override one; the last wins.
      o.addOption(Option(name, "", help)
                      .argument(arg)
                      .repeatable(true)
                      .callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::keep)));
    };
    flag("config", "configuration file (key = value lines)", "file");
    flag("listen", "address and port to serve on (default 0.0.0.0:8443)", "ip:port");
    flag("tls-cert", "PEM certificate (default: made on first start and kept)", "file");
    flag("tls-key", "its private key", "file");
    flag("data-dir", "where the journal, audit log and certificate are kept (default ./vic-data)",
         "dir");
    flag("log-level", "trace, debug, info (default), warn or error", "level");
    flag("log-format", "text (default) or json", "format");
    flag("ui-dir", "the plug-in UI's files to serve", "dir");
    flag("threads", "request threads (default 32)", "count");
    flag("public-address", "how vCenter and browsers reach this server, host[:port]", "address");
    flag("session-idle", "seconds a vSphere session is kept unused (default 900)", "seconds");
    flag("allowed-targets",
         "the vCenters requests may name, host[:port] comma-separated, or * for any "
         "(default: those this appliance is registered with)",
         "list");
    flag("token-idle",
         "seconds a vSphere Client session token's session is kept unused (default 600)",
         "seconds");
    // For register, unregister and status.
    flag("target", "register, unregister, status: the vCenter", "host[:port]");
    flag("user", "register, unregister, status: a vCenter administrator", "user");
    flag("password",
         "register, unregister, status: the password; it shows in ps to every user, so prefer "
         "--password-file or $VIC_PASSWORD (asked for when none is given)",
         "password");
    flag("password-file", "register, unregister, status: a file whose first line is the password",
         "path");
    flag("thumbprint", "register, unregister, status: the vCenter's certificate thumbprint",
         "AA:BB:...");
    flag("client", "register: remote (vSphere 7 and 8) or local (6.7); default by vCenter version",
         "kind");
    flag("admin-email", "register: the contact recorded with the plug-in", "address");
    o.addOption(Option("force", "",
                       "register: serve the plug-in from this appliance even if a newer one is "
                       "registered")
                    .callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::keep)));
    o.addOption(
        Option("version", "", "print the version")
            .callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::showVersion)));
    o.addOption(
        Option("plugin-version", "", "print the vSphere Client plug-in's version")
            .callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::showPluginVersion)));
    o.addOption(Option("help", "h", "show the options")
                    .callback(Poco::Util::OptionCallback<ServerApp>(this, &ServerApp::showHelp)));
  }

  void keep(const std::string& name, const std::string& value) { flags_[name] = value; }
  void showVersion(const std::string&, const std::string&) {
    std::cout << "vic-machine-server version " << vic::version::current().str() << "\n";
    stopOptionsProcessing();
    done_ = true;
  }
  void showPluginVersion(const std::string&, const std::string&) {
    std::cout << vic::version::current().pluginVersion() << "\n";
    stopOptionsProcessing();
    done_ = true;
  }
  void showHelp(const std::string&, const std::string&) {
    Poco::Util::HelpFormatter help(options());
    help.setCommand("vic-machine-server");
    help.setUsage("[register|unregister|status] [options]");
    help.setHeader(
        "Serves the VIC engine's REST API and the vSphere Client plug-in over HTTPS; with a "
        "command, "
        "registers this appliance with a vCenter, unregisters it, or shows the registration.");
    help.setUnixStyle(true);
    help.format(std::cout);
    stopOptionsProcessing();
    done_ = true;
  }

  int main(const std::vector<std::string>& args) override {
    if (done_) return EXIT_OK;
    using namespace vic::server;
    ServerConfig cfg;
    try {
      cfg = resolveConfig(flags_,
                          std::filesystem::path(flags_.count("config") ? flags_["config"] : ""));
    } catch (const std::exception& e) {
      std::cerr << "vic-machine-server: " << e.what() << "\n";
      return EXIT_USAGE;
    }
    if (!args.empty()) {
      vic::logger()->set_level(spdlog::level::warn);
      return runRegistrationCommand(args.front(), flags_, cfg, std::cout, std::cerr);
    }
    setUpLogging(cfg);
    try {
      std::filesystem::create_directories(cfg.dataDir);
      std::filesystem::permissions(cfg.dataDir, std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::replace);
      const auto listen = Poco::Net::SocketAddress(cfg.listen);
      std::vector<std::string> names{"localhost", "127.0.0.1"};
      if (!cfg.publicAddress.empty())
        names.insert(names.begin(), cfg.publicAddress.substr(0, cfg.publicAddress.rfind(':')));
      auto identity = ensureIdentity(cfg.certificate, cfg.privateKey, names);

      vic::tls::ensureInitialised();
      Poco::Net::Context::Params params;
      params.certificateFile = cfg.certificate.string();
      params.privateKeyFile = cfg.privateKey.string();
      params.verificationMode = Poco::Net::Context::VERIFY_NONE;
      params.cipherList = "HIGH:!aNULL:!MD5:!RC4";
      Poco::Net::Context::Ptr tls =
          new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
      tls->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
      Poco::Net::SecureServerSocket socket(listen, 256, tls);

      Database db(cfg.dataDir / "vic.db");
      Journal journal(db);
      AuditLog audit(db);
      SessionCache sessions(
          {std::chrono::seconds(cfg.sessionIdle), std::chrono::seconds(cfg.tokenIdle), 512});
      OperationRunner runner(journal, cfg.dataDir / "sessions");
      ApplianceProber prober;
      VcenterRegistrations vcenters(db);
      TargetPolicy targets(cfg.allowedTargets, vcenters);
      ApplianceSelf self;
      self.identity = {ensureApplianceId(cfg.dataDir),
                       "",
                       vic::version::current().str(),
                       vic::version::current().pluginVersion(),
                       identity.sha1,
                       identity.sha256};
      self.publicAddress = cfg.publicAddress;
      self.port = socket.address().port();
      if (!cfg.publicAddress.empty())
        self.identity.address = addressTowards({}, cfg.publicAddress, self.port);
      ApiContext ctx{sessions,
                     runner,
                     audit,
                     vic::engine::ApplianceImages::locate(),
                     kOpenApiDocument,
                     self,
                     prober,
                     vcenters,
                     PluginFiles::locate(),
                     {},
                     targets,
                     {}};
      Router router;
      addRoutes(router, ctx);
      const auto uiDir = cfg.uiDir.empty() ? locateUi() : cfg.uiDir;
      if (uiDir.empty())
        vic::logger()->warn("no plug-in UI to serve: build ui-bundle or set --ui-dir");

      auto httpParams = new Poco::Net::HTTPServerParams;
      httpParams->setMaxThreads(cfg.threads);
      httpParams->setMaxQueued(2048);
      httpParams->setKeepAlive(true);
      httpParams->setKeepAliveTimeout(Poco::Timespan(15, 0));
      ServerLoad load;
      Poco::Net::HTTPServer server(
          dispatcher(router, uiDir.empty() ? Handler() : staticFiles(uiDir), replyFor, load),
          socket, httpParams);
      load.watch(&server);
      // Operations the last run left behind are rolled back before any
      // request is served: none can be taken for one of them, or start on a
      // VCH that is half undone. (Connections wait in the socket's backlog.)
      try {
        runner.recoverInterrupted();
      } catch (const std::exception& e) {
        vic::logger()->error("recovery of interrupted operations failed: {}", e.what());
      }
      server.start();
      // The original's start-up line, which scripts wait for.
      std::cout << "Serving vic machine at https://" << socket.address().toString() << std::endl;
      vic::logger()->info("vic-machine-server {} on {} (certificate SHA-1 {})",
                          vic::version::current().str(), socket.address().toString(),
                          identity.sha1);
      waitForTerminationRequest();
      server.stopAll(true);
    } catch (const std::exception& e) {
      vic::logger()->error("{}", e.what());
      std::cerr << "vic-machine-server: " << e.what() << "\n";
      return EXIT_SOFTWARE;
    }
    return EXIT_OK;
  }

 private:
  std::map<std::string, std::string> flags_;
  bool done_ = false;
};

}  // namespace

POCO_SERVER_MAIN(ServerApp)
