// vic-machine create
#include <filesystem>
#include <fstream>
#include <iostream>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"
#include "vicapi/cli/vch_command_support.h"
#include "vicapi/cli/vch_flags.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/model/vch_json.h"

namespace vic::cli {

namespace {

namespace fs = std::filesystem;

void createOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  addCreateFlags(o);
}

// The files the original wrote for Docker clients, keys readable by the owner only.
void writeCertificates(const fs::path& dir, const std::string& name,
                       const engine::VchCertificates& c) {
  fs::create_directories(dir);
  if (!c.caCertificate.empty()) crypto::writeCertificate(dir / "ca.pem", c.caCertificate);
  if (!c.caKey.empty()) crypto::writePrivateKey(dir / "ca-key.pem", c.caKey);
  crypto::writeCertificate(dir / "server-cert.pem", c.serverCertificate);
  crypto::writePrivateKey(dir / "server-key.pem", c.serverKey);
  if (!c.clientCertificate.empty()) {
    crypto::writeCertificate(dir / "cert.pem", c.clientCertificate);
    crypto::writePrivateKey(dir / "key.pem", c.clientKey);
  }
  std::ofstream env(dir / (name + ".env"));
  env << "DOCKER_TLS_VERIFY=" << (c.clientCertificate.empty() ? "0" : "1") << "\n"
      << "DOCKER_CERT_PATH=" << fs::absolute(dir).string() << "\n";
}

int runCreate(const Args& args) {
  args.expectNoPositional();
  nlohmann::json body = nlohmann::json::object();
  applyFlags(args, body);
  if (!body.contains("name")) body["name"] = "virtual-container-host";
  const fs::path certDir = args.get("cert-path", "./" + body["name"].get<std::string>());
  if (fs::exists(certDir) && !fs::is_empty(certDir))
    throw UsageError("the certificate folder " + certDir.string() +
                     " is not empty; remove it or pass --cert-path");

  engine::Issues schema;
  auto vch = engine::vchFromJson(body, schema);
  if (!schema.empty()) failWithIssues(schema, "the flags do not describe a VCH");

  Connection c = connect(args);
  engine::ResolvedVch resolved;
  auto issues = engine::validateVch(*c.client, vch, validationOptions(c), resolved);
  if (!issues.empty()) failWithIssues(issues, "the VCH cannot be created as asked");

  engine::CreateOptions options;
  options.images = engine::ApplianceImages::locate();
  options.target = targetUrl(c);
  options.targetThumbprint = c.thumbprint;
  ConsoleObserver observer;
  auto result = engine::createVch(*c.client, resolved, options, observer);
  keepLogWithVch(*c.client, result.vm.value, "create", observer);
  for (const auto& w : result.warnings)
    std::cerr << "warning: " << w << "\n";
  if (!result.certificates.serverCertificate.empty())
    writeCertificates(certDir, resolved.vch.name, result.certificates);

  std::cout << "VCH " << resolved.vch.name << " created: id " << result.vm.value << ", version "
            << options.images.version.str() << "\n";
  if (!result.certificates.serverCertificate.empty())
    std::cout << "Certificates for Docker clients are in " << certDir.string() << "\n";
  std::cout << "The Docker API address is shown by: vic-machine inspect --id " << result.vm.value
            << "\n";
  return kOk;
}

}  // namespace

Command createCommand() {
  return {"create", "create a Virtual Container Host", &createOptions, &runCreate};
}

}  // namespace vic::cli
