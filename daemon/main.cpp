// vic-endpoint: the daemon of a VCH's endpoint VM. It serves the Docker API
// over mutual TLS with the VCH's own certificates.
#include <iostream>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <spdlog/sinks/basic_file_sink.h>

#include "daemon/endpoint_config.h"
#include "daemon/endpoint_runtime.h"
#include "daemon/http_front.h"
#include "daemon/portal/admin_portal.h"
#include "daemon/tls_context.h"
#include "vicapi/util/log.h"
#include "vicapi/util/log_format.h"
#include "vicapi/version/version.h"

namespace {

using Poco::Util::Option;

class EndpointApp : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& o) override {
    ServerApplication::defineOptions(o);
    o.addOption(Option("guestinfo", "g", "JSON file of the VM's guestinfo keys and values")
                    .argument("file")
                    .binding("guestinfo"));
    o.addOption(Option("listen", "l", "address to listen on (default 0.0.0.0)")
                    .argument("ip")
                    .binding("listen"));
    o.addOption(Option("port", "p", "port (default 2376 with TLS, 2375 without)")
                    .argument("port")
                    .binding("port"));
    o.addOption(Option("portal-port", "", "admin portal port (default 2378; 0 for none)")
                    .argument("port")
                    .binding("portal-port"));
    o.addOption(Option("log-file", "", "also write the log here (the admin portal serves it)")
                    .argument("file")
                    .binding("log-file"));
    o.addOption(
        Option("version", "", "print the version and exit")
            .callback(Poco::Util::OptionCallback<EndpointApp>(this, &EndpointApp::printVersion)));
    o.addOption(
        Option("help", "h", "show the options")
            .callback(Poco::Util::OptionCallback<EndpointApp>(this, &EndpointApp::printHelp)));
  }

  void printVersion(const std::string&, const std::string&) {
    std::cout << "vic-endpoint version " << vic::version::current().str() << "\n";
    stopOptionsProcessing();
    done_ = true;
  }

  void printHelp(const std::string&, const std::string&) {
    Poco::Util::HelpFormatter help(options());
    help.setCommand("vic-endpoint");
    help.setUsage("--guestinfo FILE [--listen IP] [--port N]");
    help.setHeader("Serves the Docker API of a Virtual Container Host over mutual TLS.");
    help.setUnixStyle(true);
    help.format(std::cout);
    stopOptionsProcessing();
    done_ = true;
  }

  int main(const std::vector<std::string>&) override {
    if (done_) return EXIT_OK;
    if (!config().has("guestinfo")) {
      std::cerr << "vic-endpoint: --guestinfo is required\n";
      return EXIT_USAGE;
    }
    try {
      auto cfg = vic::endpoint::fromGuestinfoFile(config().getString("guestinfo"));
      const std::string logFile = config().getString("log-file", "");
      if (!logFile.empty()) {
        auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(logFile);
        sink->set_formatter(vic::textLogFormatter("[%Y-%m-%d %H:%M:%S.%e] [%l] %E",
                                                  spdlog::pattern_time_type::utc));
        vic::logger()->sinks().push_back(sink);
        vic::logger()->set_level(spdlog::level::info);
        vic::logger()->flush_on(spdlog::level::info);
      }
      const std::string listen = config().getString("listen", "0.0.0.0");
      const auto port = static_cast<Poco::UInt16>(config().getInt("port", cfg.noTls ? 2375 : 2376));
      const Poco::Net::SocketAddress addr(listen, port);
      Poco::Net::ServerSocket socket =
          cfg.noTls ? Poco::Net::ServerSocket(addr)
                    : Poco::Net::SecureServerSocket(addr, 64, vic::endpoint::serverContext(cfg));
      vic::endpoint::EndpointRuntime runtime(cfg);
      auto params = new Poco::Net::HTTPServerParams;
      // Waits and pulls hold a thread each for as long as they last.
      params->setMaxThreads(32);
      params->setMaxQueued(128);
      Poco::Net::HTTPServer server(vic::endpoint::httpFront([&runtime] { return runtime.api(); }),
                                   socket, params);
      server.start();
      std::unique_ptr<vic::endpoint::AdminPortal> portal;
      const int portalPort = config().getInt("portal-port", 2378);
      if (portalPort > 0)
        portal = std::make_unique<vic::endpoint::AdminPortal>(
            runtime, Poco::Net::SocketAddress(listen, static_cast<Poco::UInt16>(portalPort)),
            socket.address(), logFile);
      runtime.start();
      // The line tests and supervisors wait for.
      std::cout << "vic-endpoint " << vic::version::current().str() << " serving VCH "
                << cfg.vchName << " on " << socket.address().toString()
                << (cfg.noTls ? " (no TLS)" : " (TLS)")
                << (portal ? ", admin portal on " + portal->address().toString() : "") << std::endl;
      vic::logger()->info("serving VCH {} on {}", cfg.vchName, socket.address().toString());
      waitForTerminationRequest();
      server.stopAll(true);
    } catch (const std::exception& e) {
      std::cerr << "vic-endpoint: " << e.what() << "\n";
      return EXIT_CONFIG;
    }
    return EXIT_OK;
  }

 private:
  bool done_ = false;
};

}  // namespace

POCO_SERVER_MAIN(EndpointApp)
