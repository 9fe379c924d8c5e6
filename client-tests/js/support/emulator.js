// Starts the emulator (the built Emulator.dll, in-memory state, a free loopback port) for one test file.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultDll = path.resolve(here, "../../../emulator/Emulator/bin/Release/net10.0/Emulator.dll");

export const MANAGEMENT = "111111111111";

/** Credentials whose 12-digit access key id makes the caller that account's root user. */
export const root = (accountId) => ({ accessKeyId: accountId, secretAccessKey: "secret" });

/** Client settings for an SDK client aimed at the emulator as the given account's root user. */
export const config = (endpoint, accountId = MANAGEMENT) => ({ endpoint, region: "us-east-1", credentials: root(accountId), maxAttempts: 1 });

/** The built Emulator.dll (or EMULATOR_DLL) under dotnet, or a native executable of the emulator (EMULATOR_EXE: the Native AOT form). */
function emulatorCommand() {
  const exe = process.env.EMULATOR_EXE;
  const program = exe ?? process.env.EMULATOR_DLL ?? defaultDll;
  if (!fs.existsSync(program)) throw new Error(`Build the emulator first (dotnet build emulator/Emulator -c Release): ${program} is missing`);
  return exe ? [exe, []] : ["dotnet", [program]];
}

export async function startEmulator() {
  const [command, prefix] = emulatorCommand();
  const child = spawn(command, [...prefix, "--port", "0", "--in-memory"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start:\n${output}`)), 60_000);
    const look = (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}):\n${output}`)));
  });
  return { endpoint, stop: () => new Promise((resolve) => { child.once("exit", resolve); child.kill("SIGTERM"); }) };
}

/** A control-plane call (/_emulator/...). */
export async function control(endpoint, pathName, body) {
  const response = await fetch(endpoint + pathName, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`POST ${pathName}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
