// The Docker API's own rules, as the docker CLI and dockerd apply them:
// image references, registry lists, create bodies, list filters, names.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "daemon/containers/container_json.h"
#include "daemon/containers/container_spec.h"
#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"
#include "daemon/images/image_reference.h"
#include "daemon/images/registry_credentials.h"
#include "daemon/images/registry_policy.h"

using namespace vic::endpoint;
using nlohmann::json;

namespace {

int statusOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DockerError& e) {
    return e.status();
  }
  return 0;
}

std::string messageOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const DockerError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docker_rules)

BOOST_AUTO_TEST_CASE(image_references_are_normalised_as_the_cli_does) {
  auto r = ImageReference::parse("busybox");
  BOOST_TEST(r.registry == "docker.io");
  BOOST_TEST(r.repository == "library/busybox");
  BOOST_TEST(r.tag == "latest");
  BOOST_TEST(r.name() == "busybox");
  BOOST_TEST(r.apiHost() == "registry-1.docker.io");
  r = ImageReference::parse("127.0.0.1:5000/test/tiny:1.0");
  BOOST_TEST(r.registry == "127.0.0.1:5000");
  BOOST_TEST(r.repository == "test/tiny");
  BOOST_TEST(r.tagged() == "127.0.0.1:5000/test/tiny:1.0");
  const std::string digest = "sha256:" + std::string(64, 'a');
  r = ImageReference::parse("localhost/x@" + digest);
  BOOST_TEST(r.registry == "localhost");
  BOOST_TEST(r.digest == digest);
  BOOST_TEST(r.tag.empty());
  r = ImageReference::parse("reg.example.com/team/app", "v2");
  BOOST_TEST(r.tag == "v2");
  for (const char* bad : {"", "UPPER/case", "a//b", "x:", "x@sha256:abc", "-lead", "a:b:c/d"})
    BOOST_TEST(statusOf([&] { ImageReference::parse(bad); }) == 400, bad);
  BOOST_TEST(statusOf([&] { ImageReference::parse(std::string(600, 'a')); }) == 400);
}

BOOST_AUTO_TEST_CASE(whitelists_match_hosts_ports_wildcards_and_networks) {
  BOOST_TEST(registryMatches("127.0.0.1:5000", "127.0.0.1:5000"));
  BOOST_TEST(!registryMatches("127.0.0.1:5000", "127.0.0.1:5001"));
  BOOST_TEST(registryMatches("127.0.0.1", "127.0.0.1:5001"));
  BOOST_TEST(registryMatches("https://reg.example.com/", "reg.example.com"));
  BOOST_TEST(registryMatches("*.example.com", "reg.example.com:443"));
  BOOST_TEST(!registryMatches("*.example.com", "example.com"));
  BOOST_TEST(registryMatches("10.0.0.0/8", "10.1.2.3:5000"));
  BOOST_TEST(!registryMatches("10.0.0.0/8", "11.1.2.3"));
  BOOST_TEST(!registryMatches("", "x"));

  vic::engine::Vch::Registry settings;
  settings.whitelist = {"reg.example.com"};
  settings.insecure = {"127.0.0.1:5000"};
  RegistryPolicy policy(settings);
  BOOST_TEST(statusOf([&] { policy.checkAllowed("reg.example.com:443"); }) == 0);
  BOOST_TEST(statusOf([&] { policy.checkAllowed("127.0.0.1:5000"); }) == 0);  // 1.5 merged them
  const auto refused = messageOf([&] { policy.checkAllowed("evil.example.org"); });
  BOOST_TEST(refused.find("whitelist") != std::string::npos);
  BOOST_TEST(refused.find("reg.example.com") != std::string::npos);
  BOOST_TEST(policy.insecure("127.0.0.1:5000"));
  BOOST_TEST(!policy.insecure("reg.example.com"));
  BOOST_TEST(statusOf([&] { RegistryPolicy({}).checkAllowed("anything"); }) == 0);
}

BOOST_AUTO_TEST_CASE(create_bodies_are_checked_member_by_member) {
  auto spec = readCreateBody(json::parse(R"({
    "Image": "tiny", "Cmd": "echo hi", "Env": ["A=1"], "Labels": {"a": "b"},
    "Volumes": {"/logs": {}}, "ExposedPorts": {"80": {}},
    "HostConfig": {"Binds": ["data:/data:ro"], "PortBindings": {"80/tcp": [{"HostPort": "8080"}]},
                   "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
                   "Memory": 536870912}})"));
  BOOST_TEST(spec.image == "tiny");
  BOOST_TEST(spec.config["Cmd"] == json::array({"echo hi"}));
  BOOST_TEST(spec.config["ExposedPorts"].contains("80/tcp"));
  BOOST_TEST(spec.memoryMB == 512);
  BOOST_TEST_REQUIRE(spec.mounts.size() == 2u);
  BOOST_TEST(spec.mounts[0].name == "data");
  BOOST_TEST(spec.mounts[0].readOnly);
  BOOST_TEST(spec.mounts[1].destination == "/logs");
  BOOST_TEST(spec.mounts[1].anonymous);

  const std::pair<const char*, const char*> refusals[] = {
      {R"({})", "Config.Image is required"},
      {R"({"Image": 5})", "cannot unmarshal number into Config.Image"},
      {R"({"Image": "x", "Env": "A=1"})", "Config.Env of type []string"},
      {R"({"Image": "x", "HostConfig": {"Binds": ["/etc:/etc"]}})", "host paths"},
      {R"({"Image": "x", "HostConfig": {"Binds": ["nocolon"]}})", "volume-name:/path"},
      {R"({"Image": "x", "HostConfig": {"PortBindings": {"99999/tcp": []}}})", "invalid port"},
      {R"({"Image": "x", "HostConfig": {"RestartPolicy": {"Name": "sometimes"}}})",
       "restart policy"},
      {R"({"Image": "x", "HostConfig": {"Memory": 1024}})", "Minimum memory"},
  };
  for (const auto& [body, said] : refusals) {
    const auto message = messageOf([&] { readCreateBody(json::parse(body)); });
    BOOST_TEST(message.find(said) != std::string::npos, body << " -> " << message);
  }
}

BOOST_AUTO_TEST_CASE(the_image_gives_what_create_left_out) {
  auto spec = readCreateBody(json::parse(R"({"Image": "x", "Env": ["B=2", "PATH=/mine"]})"));
  const auto image = json::parse(R"({"config": {"Cmd": ["/bin/sh"], "Env": ["PATH=/usr/bin", "C=3"],
                                    "Volumes": {"/data": {}}, "WorkingDir": "/srv"}})");
  const auto c = mergedConfig(spec, image);
  BOOST_TEST(c["Cmd"] == json::array({"/bin/sh"}));
  BOOST_TEST(c["Env"] == json::parse(R"(["C=3", "B=2", "PATH=/mine"])"));
  BOOST_TEST(c["WorkingDir"] == "/srv");
  BOOST_TEST(imageVolumes(image) == std::vector<std::string>{"/data"});
}

BOOST_AUTO_TEST_CASE(list_filters_in_both_of_dockers_forms) {
  ContainerRecord c;
  c.id = std::string(12, 'a') + std::string(52, '0');
  c.name = "web2";
  c.image = "reg/tiny:1.0";
  c.imageId = "sha256:" + std::string(64, 'b');
  c.config["Labels"] = {{"tier", "front"}};
  c.finishedAt = "2026-11-01T00:00:00Z";
  c.powerState = "poweredOff";
  BOOST_TEST(ContainerFilter(R"({"name": {"web": true}})").matches(c));
  BOOST_TEST(ContainerFilter(R"({"name": ["web"], "status": ["exited"]})").matches(c));
  BOOST_TEST(!ContainerFilter(R"({"status": ["running"]})").matches(c));
  BOOST_TEST(ContainerFilter(R"({"label": ["tier=front"]})").matches(c));
  BOOST_TEST(!ContainerFilter(R"({"label": ["tier=back"]})").matches(c));
  BOOST_TEST(ContainerFilter(R"({"ancestor": ["reg/tiny:1.0"]})").matches(c));
  BOOST_TEST(ContainerFilter(R"({"ancestor": ["bbbb"]})").matches(c));
  BOOST_TEST(ContainerFilter(R"({"id": ["aaaa"]})").matches(c));
  BOOST_TEST(statusOf([] { ContainerFilter(R"({"colour": ["red"]})"); }) == 400);
  BOOST_TEST(statusOf([] { ContainerFilter(R"({"status": ["sleeping"]})"); }) == 400);
  BOOST_TEST(statusOf([] { ContainerFilter("{"); }) == 400);
  c.imageId = "x";  // a hand-edited value must not break the filter
  BOOST_TEST(!ContainerFilter(R"({"ancestor": ["bbbb"]})").matches(c));
}

BOOST_AUTO_TEST_CASE(blobs_are_checked_against_their_digest_as_they_pass) {
  std::istringstream source("hello world, and more");
  DigestingBuffer buffer(source, 11);
  std::istream in(&buffer);
  const std::string read((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_TEST(read == "hello world");
  BOOST_TEST(buffer.bytes() == 11u);
  BOOST_TEST(buffer.digest() == sha256Digest("hello world"));
  BOOST_TEST(sha256Digest("") ==
             "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(isSha256Digest(sha256Digest("x")));
  BOOST_TEST(!isSha256Digest("sha256:ABC"));
}

BOOST_AUTO_TEST_CASE(registry_credentials_from_the_clis_header) {
  // {"username":"a","password":"b"} in URL-safe base64, without padding.
  auto c = RegistryCredentials::fromHeader("eyJ1c2VybmFtZSI6ImEiLCJwYXNzd29yZCI6ImIifQ");
  BOOST_TEST(c.user == "a");
  BOOST_TEST(c.password.reveal() == "b");
  BOOST_TEST(RegistryCredentials::fromHeader("e30=").user.empty());  // {}
  BOOST_TEST(RegistryCredentials::fromHeader("!!!").user.empty());
}

BOOST_AUTO_TEST_SUITE_END()
