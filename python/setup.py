"""Builds the `accord` package with the repository's CMake build (docs/python.md).

    pip install --no-build-isolation ./python

The extension `accord._accord` is the CMake target `accord_python`, configured with the
interpreter running pip (so it matches it) in build-python/ at the repository root (kept
between installs; ACCORD_PYTHON_BUILD_DIR moves it). Nothing is downloaded: the C++
dependencies are the Debian packages of scripts/install-deps.sh. ccache is used when installed.
"""
import glob
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def project_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(accord VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        build = pathlib.Path(os.environ.get("ACCORD_PYTHON_BUILD_DIR", ROOT / "build-python")).resolve()
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
            "-DACCORD_TESTS=OFF", "-DACCORD_BENCH=OFF", "-DACCORD_PYTHON=ON",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ccache"):
            configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
        subprocess.check_call(configure)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.check_call(["cmake", "--build", str(build), "--target", "accord_python", "-j", jobs])
        built = glob.glob(str(build / "python" / "accord" / "_accord*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one built extension in {build / 'python' / 'accord'}, found {built}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    name="accord",
    version=project_version(),
    description="Analysis of multi-party negotiations (Python bindings of the Accord C++ library)",
    packages=["accord"],
    package_dir={"accord": "accord"},
    ext_modules=[Extension("accord._accord", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    zip_safe=False,
)
