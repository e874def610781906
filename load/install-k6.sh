#!/usr/bin/env bash
# Builds the pinned k6 release from source with the Go toolchain into $(go env GOPATH)/bin,
# and skips the build when that version is already there.
#
# Why not plain `go install go.k6.io/k6/v2@VERSION`: that command also asks the module proxy
# for the module's list of versions (to look for a deprecation notice) and, where the proxy
# cannot answer that, falls back to fetching go.k6.io directly, which fails on machines that
# reach only the module proxy. Building inside a throwaway module that requires the exact
# version needs nothing but the proxy, and yields the same binary.
set -euo pipefail
K6_VERSION="${K6_VERSION:-v2.2.0}"
bin_dir="$(go env GOPATH)/bin"
if "$bin_dir/k6" version 2>/dev/null | grep -q "k6 ${K6_VERSION} "; then
  echo "k6 ${K6_VERSION} already installed at $bin_dir/k6"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > go.mod <<GOMOD
module flashcrowd.local/k6build

go 1.25

require go.k6.io/k6/v2 ${K6_VERSION}
GOMOD
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "go.k6.io/k6/v2"
GO
export GOFLAGS="-mod=mod ${GOFLAGS:-}"
export GOPROXY="${GOPROXY_K6:-https://proxy.golang.org}"
echo "building k6 ${K6_VERSION} (a few minutes on 2 cores)..."
go mod tidy
mkdir -p "$bin_dir"
go build -trimpath -o "$bin_dir/k6" go.k6.io/k6/v2
"$bin_dir/k6" version
