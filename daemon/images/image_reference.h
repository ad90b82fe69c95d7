#pragma once

#include <string>

namespace vic::endpoint {

// A Docker image reference, normalised as the docker CLI does:
// "busybox" is docker.io/library/busybox:latest; "reg:5000/a/b@sha256:..."
// names a registry, a repository and a digest.
struct ImageReference {
  std::string registry;    // "docker.io", "127.0.0.1:5000"
  std::string repository;  // "library/busybox"
  std::string tag;         // "latest" unless a digest is given
  std::string digest;      // "sha256:..." or empty

  // Throws DockerError 400 saying what is wrong with the text.
  static ImageReference parse(const std::string& text);
  // With an explicit tag (the `tag` query of a pull), which the text must not carry.
  static ImageReference parse(const std::string& text, const std::string& tag);

  // "127.0.0.1:5000/busybox", short for Docker Hub ("busybox").
  std::string name() const;
  std::string tagged() const { return name() + ":" + tag; }       // "busybox:latest"
  std::string digested() const { return name() + "@" + digest; }  // "busybox@sha256:..."
  // What a registry's HTTP API is reached at: "registry-1.docker.io" for the Hub.
  std::string apiHost() const;
};

}  // namespace vic::endpoint
