// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the cases are Dockerfile text, where `${NAME}` is variable syntax
import rule from '../../src/rules/go-install-pin-version.js';
import { testRule } from '../support/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'exact versions and commits',
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.15.2 && go install github.com/org/tool@4f1e2ab',
    },
    {
      name: 'local packages',
      code: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go install ./cmd/... && go run . && go run ./cmd/gen/main.go',
    },
    {
      name: 'a remote package without @ is built at the version go.mod requires (hadolint reports it)',
      code: 'FROM golang:1.22\nCOPY go.mod go.sum ./\nRUN go mod download\nRUN go install github.com/swaggo/swag/cmd/swag',
    },
    {
      name: 'option values are not packages',
      code: 'FROM golang:1.22\nRUN go install -tags netgo -ldflags "-s -w" example.com/cmd/app@v1.4.0',
    },
    {
      name: 'a version in a variable',
      code: 'FROM golang:1.22\nARG LINT_VERSION=v1.57.2\nRUN go install "github.com/golangci/golangci-lint/cmd/golangci-lint@${LINT_VERSION}"',
    },
    { name: 'go get @none removes a dependency', code: 'FROM golang:1.22\nRUN go get example.com/old@none' },
    {
      name: 'go run program arguments are not packages',
      code: 'FROM golang:1.22\nRUN go run example.com/gen@v1.0.0 latest github.com/x/y',
    },
    { name: 'go build and go mod', code: 'FROM golang:1.22\nRUN go build -o /app . && go mod tidy' },
    {
      name: 'a tag that is not a version query',
      code: 'FROM golang:1.22\nRUN go install example.com/tool@release-2024-03',
    },
  ],
  invalid: [
    {
      name: 'hadolint DL3062: @latest',
      code: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest',
      errors: [{ line: 2, message: '`@latest` resolves to the newest', fix: 'none' }],
    },
    {
      name: 'go get without a version (GO111MODULE prefix)',
      code: 'FROM golang:1.15\nRUN GO111MODULE=on go get golang.org/x/lint/golint',
      errors: [{ line: 2, message: '`go get` without a version' }],
    },
    {
      name: 'version prefixes, default branches and upgrade queries float too (hadolint accepts them)',
      code: 'FROM golang:1.22\nRUN go install example.com/a@v1 example.com/b@master example.com/c@upgrade',
      errors: [
        { line: 2, message: '`example.com/a@v1`, `example.com/b@master` and `example.com/c@upgrade`' },
      ],
    },
    {
      name: 'go run of a package at @latest, multi-line',
      code: 'FROM golang:1.22\nRUN go run \\\n    github.com/org/gen@latest \\\n    -out /gen',
      errors: [{ line: 2, endLine: 3 }],
    },
    {
      name: 'heredoc RUN, sh -c and ONBUILD RUN',
      code: 'FROM golang:1.22\nRUN <<EOF\ngo install example.com/a@latest\nEOF\nRUN sh -c "go get example.com/b"\nONBUILD RUN go install example.com/c@latest',
      errors: [{ line: 2, endLine: 3 }, { line: 5 }, { line: 6 }],
    },
  ],
});
