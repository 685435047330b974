#!/usr/bin/env python3
"""Writes numpy reference results for every @cml/tracer op into src/ops/__fixtures__/<op>.json.

Each fixture file holds cases: inputs (shape, dtype, flat data), the op's attributes as the
TypeScript registry takes them, and numpy's result (shape, dtype, flat data) or, when numpy
raises, the exception's type. Values numpy computes as bool are stored as int 0/1; float
non-finite values are stored as the strings "nan", "inf" and "-inf". Rerun after editing:

    /usr/bin/python3 packages/tracer/scripts/make-numpy-fixtures.py
"""
import json
import math
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "ops", "__fixtures__")
rng = np.random.default_rng(20261123)


def encode_value(v, is_float):
    if is_float:
        v = float(v)
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    return int(v)


def encode(a):
    a = np.asarray(a)
    if a.dtype == np.bool_:
        a = a.astype(np.int64)
    is_float = a.dtype.kind == "f"
    if not is_float and a.dtype.kind not in "iu":
        raise TypeError(f"unexpected dtype {a.dtype}")
    return {
        "shape": list(a.shape),
        "dtype": "float" if is_float else "int",
        "data": [encode_value(v, is_float) for v in a.reshape(-1).tolist()],
    }


def I(x):
    return np.array(x, dtype=np.int64)


def F(x):
    return np.array(x, dtype=np.float64)


def rand_int(shape, low=-9, high=10):
    return rng.integers(low, high, size=shape, dtype=np.int64)


def rand_float(shape, low=-3.0, high=3.0):
    return np.round(rng.uniform(low, high, size=shape), 3)


FIXTURES = {}


def case(op, name, inputs, fn, attrs=None):
    """Runs numpy's `fn(*inputs)`; records its result or the exception it raises."""
    entry = {"name": name, "inputs": [encode(x) for x in inputs], "attrs": attrs or {}}
    try:
        with np.errstate(all="ignore"):
            entry["expected"] = encode(fn(*inputs))
    except (ValueError, IndexError, TypeError) as error:
        entry["error"] = type(error).__name__
    FIXTURES.setdefault(op, []).append(entry)


# ---------------------------------------------------------------- elementwise binary
BINARY_SETS = [
    ("same shape ints", lambda: [rand_int([4]), rand_int([4])]),
    ("broadcast row against column", lambda: [rand_int([3, 1]), rand_int([1, 4])]),
    ("broadcast against a scalar", lambda: [rand_int([2, 3]), I(3)]),
    ("scalar and scalar", lambda: [I(-7), I(2)]),
    ("int with float", lambda: [rand_int([2, 3]), rand_float([3])]),
    ("floats with negatives", lambda: [rand_float([5]), rand_float([5])]),
    ("empty axis", lambda: [rand_int([0, 3]), rand_int([3])]),
    ("mismatched shapes", lambda: [rand_int([2, 3]), rand_int([4])]),
]

binary = {
    "add": np.add,
    "subtract": np.subtract,
    "multiply": np.multiply,
    "divide": np.true_divide,
    "maximum": np.maximum,
    "minimum": np.minimum,
    "equal": np.equal,
    "notEqual": np.not_equal,
    "less": np.less,
    "lessEqual": np.less_equal,
    "greater": np.greater,
    "greaterEqual": np.greater_equal,
    "logicalAnd": np.logical_and,
    "logicalOr": np.logical_or,
}
for op, fn in binary.items():
    for name, make in BINARY_SETS:
        case(op, name, make(), fn)
    case(op, "ties and zeros", [I([0, 1, -1, 2, 0]), I([0, 1, 1, -2, 3])], fn)
    case(op, "nan and infinities", [F([math.nan, math.inf, -math.inf, 1.5]), F([1.0, math.inf, 2.0, math.nan])], fn)

for name, make in BINARY_SETS:
    case("floorDivide", name, make(), np.floor_divide)
case("floorDivide", "negative operands round toward -inf", [I([7, -7, 7, -7, 0, 6]), I([2, 2, -2, -2, 3, -3])], np.floor_divide)
case("floorDivide", "int division by zero gives 0", [I([5, -5, 0]), I([0, 0, 0])], np.floor_divide)
case("floorDivide", "floats", [F([7.5, -7.5, 1.0, -0.5, 5.0]), F([2.0, 2.0, 0.1, 0.25, -0.0])], np.floor_divide)

case("power", "ints by small exponents", [I([-3, -2, 0, 2, 5, 7]), I([3, 2, 0, 5, 1, 0])], np.power)
case("power", "broadcast square", [rand_int([2, 3]), I(2)], np.power)
case("power", "float base", [F([0.5, -1.5, 2.0, 4.0]), F([2.0, 3.0, -1.0, 0.5])], np.power)
case("power", "int to float exponent", [I([1, 2, 4, 9]), F([0.5])], np.power)
case("power", "int to negative int exponent is an error", [I([2, 3]), I([-1])], np.power)
case("power", "empty", [rand_int([0]), I(3)], np.power)

SHIFT_SETS = [
    ("same shape", lambda: [I([1, 5, -8, 1000, -1, 0]), I([0, 3, 2, 5, 4, 7])]),
    ("broadcast", lambda: [rand_int([2, 3], -100, 100), I([1, 2, 3])]),
    ("scalar", lambda: [I(-37), I(2)]),
    ("empty", lambda: [rand_int([0, 2]), I([1, 1])]),
    ("floats are an error", lambda: [F([1.0, 2.0]), I([1, 1])]),
]
for op, fn in {"leftShift": np.left_shift, "rightShift": np.right_shift}.items():
    for name, make in SHIFT_SETS:
        case(op, name, make(), fn)
case("rightShift", "large shifts saturate", [I([5, -5]), I([70, 70])], np.right_shift)

BITWISE_SETS = [
    ("same shape with negatives", lambda: [rand_int([6], -50, 50), rand_int([6], -50, 50)]),
    ("broadcast", lambda: [rand_int([3, 1], 0, 64), rand_int([4], 0, 64)]),
    ("beyond 32 bits", lambda: [I([2**40 + 5, -(2**45) + 3, 2**52]), I([2**40 + 3, 2**33 - 1, -1])]),
    ("scalar", lambda: [I(12), I(10)]),
    ("empty", lambda: [rand_int([0]), I(1)]),
    ("floats are an error", lambda: [F([1.0]), I([1])]),
    ("mismatched shapes", lambda: [rand_int([2]), rand_int([3])]),
]
for op, fn in {"bitwiseAnd": np.bitwise_and, "bitwiseOr": np.bitwise_or, "bitwiseXor": np.bitwise_xor}.items():
    for name, make in BITWISE_SETS:
        case(op, name, make(), fn)

# ---------------------------------------------------------------- elementwise unary
UNARY_SETS = [
    ("ints with negatives", lambda: [rand_int([2, 4])]),
    ("floats with negatives", lambda: [rand_float([7])]),
    ("scalar", lambda: [F(-1.25)]),
    ("int scalar", lambda: [I(3)]),
    ("empty", lambda: [rand_float([0, 2])]),
    ("special values", lambda: [F([0.0, -0.0, math.inf, -math.inf, math.nan, 1e-300, 700.0])]),
]


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=np.float64)))


def erf(x):
    x = np.asarray(x, dtype=np.float64)
    return np.vectorize(math.erf, otypes=[np.float64])(x) if x.size else x.copy()


def keep_int(fn):
    """numpy >= 2.1 keeps integer dtypes in floor/ceil (Debian's 1.24 returns float): mirror the newer rule."""
    return lambda x: fn(x).astype(x.dtype) if np.asarray(x).dtype.kind in "iu" else fn(x)


unary = {
    "negative": np.negative,
    "abs": np.abs,
    "square": np.square,
    "floor": keep_int(np.floor),
    "ceil": keep_int(np.ceil),
    "exp": np.exp,
    "log": np.log,
    "log1p": np.log1p,
    "sqrt": np.sqrt,
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "tanh": np.tanh,
    "sigmoid": sigmoid,
    "relu": lambda x: np.maximum(x, 0),
    "erf": erf,
    "sign": np.sign,
    "logicalNot": np.logical_not,
}
for op, fn in unary.items():
    for name, make in UNARY_SETS:
        case(op, name, make(), fn)
case("erf", "wide range", [F(np.linspace(-7, 7, 57))], erf)
case("sigmoid", "wide range", [F([-800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0])], sigmoid)
case("log", "positive range", [F(np.linspace(0.01, 50, 23))], np.log)

for name, make in [UNARY_SETS[0], UNARY_SETS[3]]:
    case("bitwiseNot", name, make(), np.invert)
case("bitwiseNot", "large values", [I([2**52, -(2**52), 0, -1])], np.invert)
case("bitwiseNot", "floats are an error", [F([1.0])], np.invert)

ROUND_VALUES = F([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999, 2.675, -3.7, 1e16 + 2, 0.0])
for decimals in [0, 1, 2, -1]:
    case("round", f"ties to even, decimals={decimals}", [ROUND_VALUES], lambda x, d=decimals: np.round(x, d), {"decimals": decimals})
case("round", "ints with decimals=0 are unchanged", [rand_int([5])], np.round, {})
case("round", "ints with decimals=-1 round ties to even", [I([15, 25, -15, 14, 16, 5])], lambda x: np.round(x, -1), {"decimals": -1})
case("round", "scalar", [F(-2.5)], np.round, {})
case("round", "empty", [F(np.zeros([0]))], np.round, {})

case("astype", "float to int truncates toward zero", [F([1.9, -1.9, 0.5, -0.5, 3.0, 2**52 + 0.0])], lambda x: x.astype(np.int64), {"dtype": "int"})
case("astype", "int to float", [rand_int([2, 3])], lambda x: x.astype(np.float64), {"dtype": "float"})
case("astype", "scalar", [F(-7.5)], lambda x: x.astype(np.int64), {"dtype": "int"})
case("astype", "empty", [F(np.zeros([0, 1]))], lambda x: x.astype(np.int64), {"dtype": "int"})

for lo, hi in [(-2, 3), (None, 0), (0, None), (1.5, None), (-0.5, 0.5), (4, 2)]:
    for name, make in UNARY_SETS[:3] + UNARY_SETS[4:5]:
        case("clip", f"{name}, [{lo}, {hi}]", make(), lambda x, lo=lo, hi=hi: np.clip(x, lo, hi), {"min": lo, "max": hi})

# ---------------------------------------------------------------- where
case("where", "same shapes", [I([1, 0, 1, 0]), rand_int([4]), rand_int([4])], np.where)
case("where", "broadcast condition, int and float", [I([[1], [0]]), rand_int([2, 3]), rand_float([3])], np.where)
case("where", "scalar branches", [rand_int([2, 2], 0, 2), I(7), I(-7)], np.where)
case("where", "float condition with nan is true", [F([0.0, math.nan, 2.0]), I([1, 2, 3]), I([9, 9, 9])], np.where)
case("where", "empty", [rand_int([0], 0, 2), rand_int([0]), I(1)], np.where)
case("where", "mismatched shapes", [I([1, 0]), rand_int([3]), I(1)], np.where)

# ---------------------------------------------------------------- reductions
REDUCTION_INPUTS = [
    ("ints 3-D", lambda: rand_int([2, 3, 4])),
    ("floats 2-D", lambda: rand_float([3, 5])),
]
REDUCTION_AXES = [None, 0, -1, [0, 2], [-1, 0], 1]
for op, fn in {"sum": np.sum, "max": np.max, "min": np.min, "mean": np.mean}.items():
    for name, make in REDUCTION_INPUTS:
        x = make()
        for axis in REDUCTION_AXES:
            for keepdims in [False, True]:
                np_axis = tuple(axis) if isinstance(axis, list) else axis
                case(op, f"{name}, axis={axis}, keepdims={keepdims}", [x],
                     lambda x, a=np_axis, k=keepdims, fn=fn: fn(x, axis=a, keepdims=k), {"axis": axis, "keepdims": keepdims})
    case(op, "scalar", [I(5)], lambda x, fn=fn: fn(x), {"axis": None})
    case(op, "empty axis", [rand_int([0, 3])], lambda x, fn=fn: fn(x, axis=0), {"axis": 0})
    case(op, "reduce the non-empty axis of an empty array", [rand_int([0, 3])], lambda x, fn=fn: fn(x, axis=1), {"axis": 1})
    case(op, "axis out of range", [rand_int([2, 3])], lambda x, fn=fn: fn(x, axis=2), {"axis": 2})
    case(op, "nan propagates", [F([1.0, math.nan, 3.0])], lambda x, fn=fn: fn(x), {})

x = I([[3, 9, 9, 1], [7, 2, 7, 0], [-1, -5, -1, -9]])
for axis in [None, 0, 1, -1]:
    for keepdims in [False, True]:
        case("argmax", f"first maximum wins, axis={axis}, keepdims={keepdims}", [x],
             lambda x, a=axis, k=keepdims: np.argmax(x, axis=a, keepdims=k), {"axis": axis, "keepdims": keepdims})
case("argmax", "floats with nan", [F([1.0, math.nan, 5.0, math.nan])], np.argmax, {})
case("argmax", "3-D middle axis", [rand_float([2, 3, 2])], lambda x: np.argmax(x, axis=1), {"axis": 1})
case("argmax", "empty is an error", [rand_int([0])], np.argmax, {})
case("argmax", "axis out of range", [rand_int([2])], lambda x: np.argmax(x, axis=1), {"axis": 1})

# ---------------------------------------------------------------- linear algebra
MATMUL_SETS = [
    ("matrix by matrix", [rand_int([2, 3]), rand_int([3, 4])]),
    ("vector by matrix", [rand_int([3]), rand_int([3, 2])]),
    ("matrix by vector", [rand_int([2, 3]), rand_int([3])]),
    ("vector by vector", [rand_int([4]), rand_int([4])]),
    ("batched with broadcast batch", [rand_int([2, 1, 2, 3]), rand_int([4, 3, 2])]),
    ("float and int", [rand_float([2, 2]), rand_int([2, 2])]),
    ("empty inner axis", [rand_int([2, 0]), rand_int([0, 3])]),
    ("misaligned", [rand_int([2, 3]), rand_int([2, 3])]),
    ("scalar operand", [I(2), rand_int([2, 2])]),
    ("3-D by 2-D", [rand_int([2, 3, 4]), rand_int([4, 5])]),
]
for name, inputs in MATMUL_SETS:
    case("matmul", name, inputs, np.matmul)
    case("dot", name, inputs, np.dot)
case("dot", "3-D by 3-D sums a's last axis with b's second-to-last", [rand_int([2, 2, 3]), rand_int([2, 3, 2])], np.dot)

# ---------------------------------------------------------------- movement
x234 = rand_int([2, 3, 4])
for shape in [[6, 4], [-1], [4, -1, 2], [2, 3, 4], [24, 1], [5, -1], [-1, -1], [7]]:
    case("reshape", f"to {shape}", [x234], lambda x, s=shape: np.reshape(x, s), {"shape": shape})
case("reshape", "scalar to [1, 1]", [I(4)], lambda x: np.reshape(x, [1, 1]), {"shape": [1, 1]})
case("reshape", "empty with -1", [rand_int([0, 3])], lambda x: np.reshape(x, [3, -1]), {"shape": [3, -1]})

for name, inp in [("3-D", x234), ("scalar", I(3)), ("empty", rand_int([2, 0]))]:
    case("flatten", name, [inp], lambda x: x.flatten())

for axes in [None, [1, 0, 2], [2, 0, 1], [-1, 0, 1], [0, 0, 1], [0, 1]]:
    case("transpose", f"axes={axes}", [x234], lambda x, a=axes: np.transpose(x, a), {"axes": axes})
case("transpose", "1-D", [rand_int([3])], np.transpose, {})
case("transpose", "scalar", [I(1)], np.transpose, {})

for axis in [0, 1, -1, [0, 2], [-1, 0], 4, [1, 1]]:
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    case("expandDims", f"axis={axis}", [rand_int([2, 3])], lambda x, a=np_axis: np.expand_dims(x, a), {"axis": axis})
case("expandDims", "scalar", [I(3)], lambda x: np.expand_dims(x, 0), {"axis": 0})

x_sq = rand_int([1, 3, 1, 2])
for axis in [None, 0, 2, -2, [0, 2], 1]:
    np_axis = tuple(axis) if isinstance(axis, list) else axis
    case("squeeze", f"axis={axis}", [x_sq], lambda x, a=np_axis: np.squeeze(x, a), {"axis": axis})
case("squeeze", "scalar-like", [rand_int([1, 1])], np.squeeze, {})

for name, inp, shape in [
    ("row to matrix", rand_int([3]), [2, 3]),
    ("column to matrix", rand_int([2, 1]), [2, 4]),
    ("scalar", I(7), [2, 2]),
    ("new leading axes", rand_int([1, 2]), [3, 1, 2]),
    ("to empty", rand_int([1]), [0]),
    ("incompatible", rand_int([3]), [2, 4]),
    ("fewer axes is an error", rand_int([2, 3]), [3]),
]:
    case("broadcastTo", name, [inp], lambda x, s=shape: np.broadcast_to(x, s), {"shape": shape})

for name, inputs, axis in [
    ("axis 0", [rand_int([2, 3]), rand_int([1, 3])], 0),
    ("axis -1 int and float", [rand_int([2, 1]), rand_float([2, 2])], -1),
    ("three inputs", [rand_int([1, 2]), rand_int([2, 2]), rand_int([3, 2])], 0),
    ("with an empty input", [rand_int([0, 2]), rand_int([2, 2])], 0),
    ("one input", [rand_int([3])], 0),
    ("mismatched other axis", [rand_int([2, 3]), rand_int([2, 2])], 0),
    ("axis out of range", [rand_int([2]), rand_int([2])], 1),
]:
    case("concatenate", name, inputs, lambda *xs, a=axis: np.concatenate(xs, axis=a), {"axis": axis})

for name, inputs, axis in [
    ("axis 0", [rand_int([2, 3]), rand_int([2, 3])], 0),
    ("axis 1", [rand_int([2, 3]), rand_int([2, 3]), rand_int([2, 3])], 1),
    ("last axis, int and float", [rand_int([2]), rand_float([2])], -1),
    ("scalars", [I(1), I(2), I(3)], 0),
    ("empty", [rand_int([0]), rand_int([0])], 1),
    ("different shapes", [rand_int([2]), rand_int([3])], 0),
]:
    case("stack", name, inputs, lambda *xs, a=axis: np.stack(xs, axis=a), {"axis": axis})

for name, inp, width, value in [
    ("same on every side", rand_int([2, 3]), 1, 0),
    ("per axis pairs", rand_int([2, 3]), [[1, 0], [2, 3]], -1),
    ("one pair for all axes", rand_int([2, 2]), [0, 2], 5),
    ("floats with a float value", rand_float([3]), [[2, 1]], 0.5),
    ("int array casts a float value", rand_int([3]), 1, 2.7),
    ("empty", rand_int([0, 2]), 1, 3),
    ("negative width is an error", rand_int([2]), -1, 0),
]:
    case("pad", name, [inp], lambda x, w=width, v=value: np.pad(x, w, mode="constant", constant_values=v), {"padWidth": width, "value": value})

# getItem: our index items -> Python index tuples
def py_index(items):
    out = []
    for item in items:
        if isinstance(item, int):
            out.append(item)
        elif item == "...":
            out.append(Ellipsis)
        elif item == "newaxis":
            out.append(None)
        else:
            parts = [int(p) if p.strip() else None for p in item.split(":")]
            out.append(slice(*parts))
    return tuple(out)


def ts_index(items):
    return [{"kind": "newaxis"} if item == "newaxis" else item for item in items]


x345 = rand_int([3, 4, 5])
for items in [
    [0], [-1], [1, 2], [0, -1, -2], ["1:3"], ["::2"], ["::-1"], ["-2:"], [":", "1:4:2"], ["...", 0],
    [0, "...", "::-2"], ["newaxis", 1], [1, "newaxis", ":", "newaxis"], ["5:1:-2"], ["10:"], ["-10:2"],
    [":", ":", "4:0:-1"], [3], [0, 0, 0, 0], ["...", "...", 0], [1, "-100:100"], ["3:1"],
]:
    case("getItem", f"x[{', '.join(map(str, items))}]", [x345], lambda x, i=items: x[py_index(i)], {"index": ts_index(items)})
case("getItem", "scalar with newaxis", [I(4)], lambda x: x[None], {"index": [{"kind": "newaxis"}]})
case("getItem", "floats", [rand_float([4])], lambda x: x[1:3], {"index": ["1:3"]})

# ---------------------------------------------------------------- convolution and pooling
def conv_reference(x, w, b, stride, pads, dilation, groups):
    """Cross-correlation by shifted slices of the padded input (independent of the TS loop nest)."""
    spatial = x.ndim - 2
    pad_width = [(0, 0), (0, 0)] + [(pads[i], pads[i + spatial]) for i in range(spatial)]
    xp = np.pad(x, pad_width)
    out_channels, group_channels = w.shape[0], w.shape[1]
    kernel = w.shape[2:]
    out_sizes = [(xp.shape[2 + i] - dilation[i] * (kernel[i] - 1) - 1) // stride[i] + 1 for i in range(spatial)]
    dtype = np.result_type(x, w, *( [b] if b is not None else []))
    out = np.zeros([x.shape[0], out_channels, *out_sizes], dtype=dtype)
    per_group = out_channels // groups
    for g in range(groups):
        xs = xp[:, g * group_channels:(g + 1) * group_channels]
        ws = w[g * per_group:(g + 1) * per_group]
        for offset in np.ndindex(*kernel):
            window = tuple(
                slice(offset[i] * dilation[i], offset[i] * dilation[i] + stride[i] * (out_sizes[i] - 1) + 1, stride[i])
                for i in range(spatial)
            )
            patch = xs[(slice(None), slice(None)) + window]
            out[:, g * per_group:(g + 1) * per_group] += np.einsum("nc...,oc->no...", patch, ws[(slice(None), slice(None)) + offset])
    if b is not None:
        out += b.reshape([1, -1] + [1] * spatial)
    return out


def conv_case(op, name, x, w, b, attrs):
    spatial = x.ndim - 2
    stride = attrs.get("stride", 1)
    stride = [stride] * spatial if isinstance(stride, int) else stride
    dilation = attrs.get("dilation", 1)
    dilation = [dilation] * spatial if isinstance(dilation, int) else dilation
    padding = attrs.get("padding", 0)
    if isinstance(padding, int):
        pads = [padding] * (2 * spatial)
    elif len(padding) == spatial:
        pads = list(padding) * 2
    else:
        pads = list(padding)
    groups = attrs.get("groups", 1)
    inputs = [x, w] + ([b] if b is not None else [])

    def fn(*args):
        xx, ww = args[0], args[1]
        if xx.ndim != spatial + 2 or ww.ndim != spatial + 2 or xx.shape[1] != ww.shape[1] * groups or ww.shape[0] % groups:
            raise ValueError("conv shapes")
        return conv_reference(xx, ww, args[2] if len(args) > 2 else None, stride, pads, dilation, groups)

    case(op, name, inputs, fn, attrs)


conv_case("conv2d", "3x3 kernel, no padding", rand_int([1, 2, 5, 5]), rand_int([3, 2, 3, 3]), None, {})
conv_case("conv2d", "bias, padding 1, stride 2", rand_int([2, 1, 5, 4]), rand_int([2, 1, 3, 3]), rand_int([2]), {"stride": 2, "padding": 1})
conv_case("conv2d", "dilation 2 and asymmetric pads", rand_int([1, 1, 6, 6]), rand_int([1, 1, 2, 2]), None, {"dilation": 2, "padding": [1, 0, 0, 2]})
conv_case("conv2d", "groups 2", rand_int([1, 4, 4, 4]), rand_int([4, 2, 2, 2]), rand_int([4]), {"groups": 2})
conv_case("conv2d", "depthwise, float weights", rand_int([1, 3, 4, 4]), rand_float([3, 1, 3, 3]), None, {"groups": 3, "padding": [1, 1]})
conv_case("conv2d", "per-axis stride", rand_int([1, 1, 5, 7]), rand_int([2, 1, 1, 3]), None, {"stride": [2, 3]})
conv_case("conv2d", "channel mismatch", rand_int([1, 3, 4, 4]), rand_int([2, 2, 3, 3]), None, {})
conv_case("conv1d", "kernel 3, no padding", rand_int([2, 2, 7]), rand_int([3, 2, 3]), None, {})
conv_case("conv1d", "bias, padding, stride and dilation", rand_int([1, 2, 9]), rand_int([2, 2, 2]), rand_float([2]), {"stride": 2, "padding": [2, 1], "dilation": 3})
conv_case("conv1d", "groups", rand_int([1, 4, 5]), rand_int([2, 2, 3]), None, {"groups": 2, "padding": 1})


def pool_reference(x, kernel, stride, pads, reduce, count_include_pad):
    xf = x.astype(np.float64)
    pad_width = [(0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])]
    fill = -np.inf if reduce == "max" else 0.0
    xp = np.pad(xf, pad_width, constant_values=fill)
    ones = np.pad(np.ones_like(xf), pad_width)
    full = np.pad(np.zeros_like(xf), pad_width, constant_values=0) + 1
    out_h = (xp.shape[2] - kernel[0]) // stride[0] + 1
    out_w = (xp.shape[3] - kernel[1]) // stride[1] + 1
    windows = lambda a: np.lib.stride_tricks.sliding_window_view(a, kernel, axis=(2, 3))[:, :, ::stride[0], ::stride[1]][:, :, :out_h, :out_w]
    if reduce == "max":
        out = windows(xp).max(axis=(-2, -1))
        return out.astype(x.dtype)
    sums = windows(xp).sum(axis=(-2, -1))
    counts = windows(full if count_include_pad else ones).sum(axis=(-2, -1))
    return sums / counts


for op, reduce in [("maxPool2d", "max"), ("avgPool2d", "avg")]:
    for name, x, attrs in [
        ("2x2 kernel, default stride", rand_int([1, 2, 4, 4]), {"kernelShape": [2, 2]}),
        ("3x3 kernel, stride 1, padding 1", rand_int([2, 1, 4, 5]), {"kernelShape": 3, "stride": 1, "padding": 1}),
        ("padding counted in the divisor", rand_int([1, 1, 3, 3]), {"kernelShape": [2, 2], "stride": 1, "padding": 1, "countIncludePad": True}),
        ("floats, 2x3 kernel", rand_float([1, 1, 4, 6]), {"kernelShape": [2, 3]}),
        ("kernel larger than input", rand_int([1, 1, 2, 2]), {"kernelShape": [3, 3]}),
    ]:
        kernel = attrs["kernelShape"]
        kernel = [kernel, kernel] if isinstance(kernel, int) else kernel
        stride = attrs.get("stride", kernel)
        stride = [stride, stride] if isinstance(stride, int) else stride
        pad = attrs.get("padding", 0)

        def fn(x, kernel=kernel, stride=stride, pad=pad, reduce=reduce, attrs=attrs):
            if x.shape[2] + 2 * pad < kernel[0] or x.shape[3] + 2 * pad < kernel[1]:
                raise ValueError("window larger than input")
            return pool_reference(x, kernel, stride, [pad] * 4, reduce, attrs.get("countIncludePad", False))

        case(op, name, [x], fn, attrs)

# ---------------------------------------------------------------- lookups and markers
table = I([3, 1, 4, 1, 5, 9, 2, 6])
case("lookup", "one table", [rand_int([2, 3], 0, 8)], lambda x: table[x], {"tables": [table.tolist()], "gridShape": []})
case("lookup", "negative indices count from the end", [I([-1, -8, 0, 7])], lambda x: table[x], {"tables": [table.tolist()], "gridShape": []})
case("lookup", "out of range", [I([8])], lambda x: table[x], {"tables": [table.tolist()], "gridShape": []})
case("lookup", "float table", [I([0, 1, 2])], lambda x: F([0.5, -1.25, 2.0])[x], {"tables": [[0.5, -1.25, 2.0]], "gridShape": []})
tables = rng.integers(-20, 20, size=(2, 3, 4))
x_multi = rand_int([2, 3], 0, 4)
case("lookup", "one table per element", [x_multi],
     lambda x: np.array([[tables[i, j, x[i, j]] for j in range(3)] for i in range(2)]),
     {"tables": tables.reshape(6, 4).tolist(), "gridShape": [2, 3]})
col_tables = rng.integers(0, 50, size=(3, 5))
x_col = rand_int([4, 3], 0, 5)
case("lookup", "one table per column, broadcast over rows", [x_col],
     lambda x: np.stack([col_tables[j][x[:, j]] for j in range(3)], axis=1),
     {"tables": col_tables.tolist(), "gridShape": [3]})
case("lookup", "float input is an error", [F([1.0])], lambda x: table[x], {"tables": [table.tolist()], "gridShape": []})
case("lookup", "empty", [rand_int([0], 0, 8)], lambda x: table[x], {"tables": [table.tolist()], "gridShape": []})

univariates = {"cubeMinusX": lambda v: v**3 - v, "halfFloor": lambda v: np.floor_divide(v, 2)}
for fn_name, fn in univariates.items():
    case("univariate", fn_name, [rand_int([2, 4])], fn, {"fnName": fn_name, "dtype": "int"})
    case("univariate", f"{fn_name} scalar", [I(-5)], fn, {"fnName": fn_name, "dtype": "int"})
case("univariate", "float output", [rand_int([3])], lambda v: np.sqrt(np.abs(v)), {"fnName": "sqrtAbs", "dtype": "float"})

values = np.arange(-40, 41, dtype=np.int64)
for lsbs in [0, 1, 2, 3, 5]:
    half = (1 << lsbs) >> 1
    case("roundBitPattern", f"remove {lsbs} bits, ties upward", [values], lambda x, l=lsbs, h=half: ((x + h) >> l) << l, {"lsbsToRemove": lsbs})
    case("truncateBitPattern", f"remove {lsbs} bits", [values], lambda x, l=lsbs: (x >> l) << l, {"lsbsToRemove": lsbs})
for op in ["roundBitPattern", "truncateBitPattern"]:
    case(op, "scalar", [I(13)], lambda x: ((x + 2) >> 2) << 2 if op == "roundBitPattern" else (x >> 2) << 2, {"lsbsToRemove": 2})
    case(op, "floats are an error", [F([1.5])], lambda x: (_ for _ in ()).throw(TypeError("floats")), {"lsbsToRemove": 1})

# ---------------------------------------------------------------- write
os.makedirs(OUT, exist_ok=True)
for name in os.listdir(OUT):
    if name.endswith(".json"):
        os.remove(os.path.join(OUT, name))
for op, cases in sorted(FIXTURES.items()):
    with open(os.path.join(OUT, f"{op}.json"), "w") as f:
        json.dump({"op": op, "numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
print(f"{len(FIXTURES)} ops, {sum(len(c) for c in FIXTURES.values())} cases -> {os.path.normpath(OUT)}")
