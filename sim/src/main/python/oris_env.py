"""Client of `oris env serve`: steps an oris environment (the project's MuJoCo model, dynamics gap and reward) from
Python, e.g. for a PyTorch reference learner. Protocol: io.oris.sim.env.EnvBridge.

    env = OrisEnv.launch("./oris", "hopper", gap="real", seed=0)
    obs = env.reset(); obs, r, terminated, truncated = env.step([0.0, 0.0, 0.0]); env.close()
"""
import socket
import struct
import subprocess

MAGIC = 0x4F524953


class OrisEnvError(RuntimeError):
    pass


class OrisEnv:
    def __init__(self, sock, proc=None):
        self._sock = sock
        self._proc = proc
        self._r = sock.makefile("rb")
        magic, version, self.obs_dim, self.act_dim = struct.unpack(">iiii", self._read(16))
        if magic != MAGIC or version != 1:
            raise OrisEnvError("not an oris env server (magic %x, version %d)" % (magic, version))
        self._obs_fmt = ">%dd" % self.obs_dim

    @classmethod
    def launch(cls, launcher, task, gap="real", seed=0, extra_args=()):
        """Starts `launcher env serve TASK` connected to a loopback socket of this process."""
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(300)
        port = server.getsockname()[1]
        cmd = [launcher, "env", "serve", task, "--gap", gap, "--seed", str(seed),
               "--connect", "127.0.0.1:%d" % port, *extra_args]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        try:
            conn, _ = server.accept()
        except socket.timeout:
            proc.kill()
            raise OrisEnvError("`%s` did not connect within 300 s" % " ".join(cmd))
        finally:
            server.close()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(conn, proc)

    def _read(self, n):
        data = self._r.read(n)
        if data is None or len(data) != n:
            raise OrisEnvError("the env server closed the connection")
        return data

    def _reply(self):
        if self._read(1)[0] != 0:
            (length,) = struct.unpack(">H", self._read(2))
            raise OrisEnvError(self._read(length).decode("utf-8"))

    def _obs(self):
        return list(struct.unpack(self._obs_fmt, self._read(8 * self.obs_dim)))

    def reset(self):
        self._sock.sendall(b"R")
        self._reply()
        return self._obs()

    def reset_to(self, obs):
        self._sock.sendall(b"T" + struct.pack(self._obs_fmt, *obs))
        self._reply()
        return self._obs()

    def step(self, action):
        self._sock.sendall(b"S" + struct.pack(">%dd" % self.act_dim, *action))
        self._reply()
        obs = self._obs()
        reward, terminated, truncated = struct.unpack(">dBB", self._read(10))
        return obs, reward, bool(terminated), bool(truncated)

    def close(self):
        try:
            self._sock.sendall(b"Q")
        except OSError:
            pass
        self._sock.close()
        if self._proc is not None:
            self._proc.wait(timeout=60)
