"""Reference fixtures from scikit-learn 1.2 / xgboost 1.7 for @cml/ml's tests.

Run with Debian's python3-sklearn and python3-xgboost:
    /usr/bin/python3 packages/ml/scripts/make_sklearn_fixtures.py
Reads the CSVs bundled in packages/ml/datasets and writes JSON into src/__fixtures__.
The split is deterministic (every 4th row is a test row) so the TypeScript tests
rebuild it without sharing a random generator with numpy.
"""
import json
import os
import warnings

import numpy as np
import sklearn
import xgboost
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import (ElasticNet, GammaRegressor, Lasso, LinearRegression, LogisticRegression,
                                  PoissonRegressor, Ridge, TweedieRegressor)
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC, LinearSVR
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "datasets")
OUT = os.path.join(HERE, "..", "src", "__fixtures__")


def load(name):
    table = np.loadtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


def split(X, y, scale):
    test = np.arange(len(y)) % 4 == 0
    Xtr, Xte = X[~test], X[test]
    if scale:
        scaler = StandardScaler().fit(Xtr)
        Xtr, Xte = scaler.transform(Xtr), scaler.transform(Xte)
    return Xtr, y[~test], Xte, y[test]


def linear_entry(model, Xtr, ytr, Xte, proba=False):
    model.fit(Xtr, ytr)
    entry = {
        "coef": np.atleast_2d(model.coef_).tolist() if hasattr(model, "classes_") else np.ravel(model.coef_).tolist(),
        "intercept": np.ravel(model.intercept_).tolist() if hasattr(model, "classes_") else float(model.intercept_),
        "predictions": model.predict(Xte).tolist(),
    }
    if proba:
        entry["probabilities"] = model.predict_proba(Xte).tolist()
    return entry


def linear_fixtures():
    out = {"versions": {"sklearn": sklearn.__version__}}
    Xtr, ytr, Xte, _ = split(*load("diabetes"), scale=True)
    regressors = {
        "LinearRegression": LinearRegression(),
        "Ridge": Ridge(alpha=1.0),
        "Lasso": Lasso(alpha=0.5),
        "ElasticNet": ElasticNet(alpha=0.1, l1_ratio=0.5),
        "LinearSVR": LinearSVR(C=10.0, epsilon=5.0, max_iter=100000, tol=1e-6, random_state=0),
        "PoissonRegressor": PoissonRegressor(alpha=0.01, tol=1e-10, max_iter=1000),
        "GammaRegressor": GammaRegressor(alpha=0.01, tol=1e-10, max_iter=1000),
        "TweedieRegressor": TweedieRegressor(power=1.5, alpha=0.01, tol=1e-10, max_iter=1000),
    }
    out["diabetes"] = {name: linear_entry(m, Xtr, ytr, Xte) for name, m in regressors.items()}
    Xtr, ytr, Xte, _ = split(*load("breast_cancer"), scale=True)
    out["breast_cancer"] = {
        "LogisticRegression": linear_entry(LogisticRegression(), Xtr, ytr, Xte, proba=True),
        "LogisticRegressionMultinomial": linear_entry(LogisticRegression(multi_class="multinomial"), Xtr, ytr, Xte, proba=True),
        "LinearSVC": linear_entry(LinearSVC(C=0.1, max_iter=100000, tol=1e-6, random_state=0), Xtr, ytr, Xte),
    }
    Xtr, ytr, Xte, _ = split(*load("wine"), scale=True)
    out["wine"] = {
        "LogisticRegression": linear_entry(LogisticRegression(C=0.5), Xtr, ytr, Xte, proba=True),
        "LogisticRegressionOvr": linear_entry(LogisticRegression(C=0.5, multi_class="ovr"), Xtr, ytr, Xte, proba=True),
        "LinearSVC": linear_entry(LinearSVC(C=0.1, max_iter=100000, tol=1e-6, random_state=0), Xtr, ytr, Xte),
    }
    return out


def tree_fixtures():
    out = {"versions": {"sklearn": sklearn.__version__, "xgboost": xgboost.__version__}}
    Xtr, ytr, Xte, yte = split(*load("breast_cancer"), scale=False)
    classifiers = {
        "DecisionTreeClassifier": DecisionTreeClassifier(max_depth=5, random_state=0),
        "RandomForestClassifier": RandomForestClassifier(n_estimators=50, max_depth=5, random_state=0),
        "XGBClassifier": xgboost.XGBClassifier(n_estimators=50, max_depth=3, tree_method="exact"),
        "XGBClassifierRegularised": xgboost.XGBClassifier(
            n_estimators=20, max_depth=4, learning_rate=0.1, gamma=2.0, reg_alpha=0.5, reg_lambda=2.0,
            min_child_weight=3.0, tree_method="exact"),
    }
    out["breast_cancer"] = {}
    for name, m in classifiers.items():
        m.fit(Xtr, ytr)
        out["breast_cancer"][name] = {
            "predictions": m.predict(Xte).tolist(),
            "probabilities": m.predict_proba(Xte).tolist(),
            "accuracy": float((m.predict(Xte) == yte).mean()),
        }
    Xtr, ytr, Xte, yte = split(*load("diabetes"), scale=False)
    regressors = {
        "DecisionTreeRegressor": DecisionTreeRegressor(max_depth=4, random_state=0),
        "RandomForestRegressor": RandomForestRegressor(n_estimators=50, max_depth=5, random_state=0),
        "XGBRegressor": xgboost.XGBRegressor(n_estimators=50, max_depth=3, tree_method="exact"),
    }
    out["diabetes"] = {}
    for name, m in regressors.items():
        m.fit(Xtr, ytr)
        pred = m.predict(Xte)
        out["diabetes"][name] = {
            "predictions": pred.tolist(),
            "r2": float(1 - ((yte - pred) ** 2).sum() / ((yte - yte.mean()) ** 2).sum()),
        }
    Xtr, ytr, Xte, yte = split(*load("wine"), scale=False)
    m = xgboost.XGBClassifier(n_estimators=20, max_depth=3, tree_method="exact").fit(Xtr, ytr)
    out["wine"] = {"XGBClassifier": {"predictions": m.predict(Xte).tolist(), "probabilities": m.predict_proba(Xte).tolist()}}
    return out


def cv_fixtures():
    """Accuracy on breast_cancer with StratifiedKFold(5) without shuffle: folds the
    TypeScript StratifiedKFold reproduces exactly, so the comparison is fold for fold."""
    from sklearn.neural_network import MLPClassifier
    from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    X, y = load("breast_cancer")
    models = {
        "LogisticRegression": make_pipeline(StandardScaler(), LogisticRegression()),
        "LinearSVC": make_pipeline(StandardScaler(), LinearSVC(random_state=0)),
        "DecisionTreeClassifier": DecisionTreeClassifier(max_depth=5, random_state=0),
        "RandomForestClassifier": RandomForestClassifier(n_estimators=50, max_depth=5, random_state=0),
        "XGBClassifier": xgboost.XGBClassifier(n_estimators=50, max_depth=3, tree_method="exact"),
        "NeuralNetClassifier": make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(32, 32), random_state=0)),
    }
    folds = StratifiedKFold(n_splits=5)
    out = {
        "versions": {"sklearn": sklearn.__version__, "xgboost": xgboost.__version__},
        "stratifiedKFoldTestIndices": [test.tolist() for _, test in folds.split(X, y)],
        "stratifiedKFold5": {name: float(cross_val_score(m, X, y, cv=folds).mean()) for name, m in models.items()},
        "repeatedStratifiedKFold5x3": {},
    }
    repeated = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=0)
    for name, m in models.items():
        out["repeatedStratifiedKFold5x3"][name] = float(cross_val_score(m, X, y, cv=repeated).mean())
    return out


def dataset_cv_fixtures():
    """5-fold CV on every bundled dataset with unshuffled folds (StratifiedKFold for
    classifiers, KFold for regressors), which the TypeScript splitters reproduce exactly."""
    from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    def scaled(model):
        return make_pipeline(StandardScaler(), model)

    classifiers = {
        "LogisticRegression": lambda: scaled(LogisticRegression()),
        "DecisionTreeClassifier": lambda: DecisionTreeClassifier(max_depth=5, random_state=0),
        "RandomForestClassifier": lambda: RandomForestClassifier(n_estimators=50, max_depth=5, random_state=0),
        "XGBClassifier": lambda: xgboost.XGBClassifier(n_estimators=50, max_depth=3, tree_method="exact"),
    }
    regressors = {
        "LinearRegression": lambda: LinearRegression(),
        "Ridge": lambda: Ridge(),
        "Lasso": lambda: Lasso(alpha=0.1),
        "ElasticNet": lambda: ElasticNet(alpha=0.01),
        "LinearSVR": lambda: scaled(LinearSVR(C=10.0, max_iter=10000, random_state=0)),
        "PoissonRegressor": lambda: scaled(PoissonRegressor()),
        "GammaRegressor": lambda: scaled(GammaRegressor()),
        "TweedieRegressor": lambda: scaled(TweedieRegressor(power=1.5)),
        "DecisionTreeRegressor": lambda: DecisionTreeRegressor(max_depth=4, random_state=0),
        "RandomForestRegressor": lambda: RandomForestRegressor(n_estimators=50, max_depth=5, random_state=0),
        "XGBRegressor": lambda: xgboost.XGBRegressor(n_estimators=50, max_depth=3, tree_method="exact"),
    }
    out = {"versions": {"sklearn": sklearn.__version__, "xgboost": xgboost.__version__}}
    for name in ["iris", "wine", "digits"]:
        X, y = load(name)
        out[name] = {m: float(cross_val_score(make(), X, y, cv=StratifiedKFold(5)).mean()) for m, make in classifiers.items()}
    X, y = load("diabetes")
    out["diabetes"] = {m: float(cross_val_score(make(), X, y, cv=KFold(5), scoring="r2").mean()) for m, make in regressors.items()}
    return out


def utility_fixtures():
    """Metrics and scalers on small fixed inputs."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, mean_squared_error, r2_score
    from sklearn.preprocessing import MinMaxScaler

    rng = np.random.RandomState(0)
    y_true = rng.randint(0, 3, 60)
    y_pred = np.where(rng.rand(60) < 0.7, y_true, rng.randint(0, 3, 60))
    b_true, b_pred = (y_true == 1).astype(int), (y_pred == 1).astype(int)
    r_true = rng.randn(40) * 3 + 1
    r_pred = r_true + rng.randn(40)
    X = rng.randn(25, 4) * [1, 10, 0.1, 5] + [0, 3, -2, 7]
    X[:, 2] = 0.5  # a constant feature
    return {
        "multiclass": {"yTrue": y_true.tolist(), "yPred": y_pred.tolist(),
                       "accuracy": accuracy_score(y_true, y_pred),
                       "f1Macro": f1_score(y_true, y_pred, average="macro"),
                       "f1Weighted": f1_score(y_true, y_pred, average="weighted"),
                       "confusion": confusion_matrix(y_true, y_pred).tolist()},
        "binary": {"yTrue": b_true.tolist(), "yPred": b_pred.tolist(), "f1": f1_score(b_true, b_pred)},
        "regression": {"yTrue": r_true.tolist(), "yPred": r_pred.tolist(),
                       "r2": r2_score(r_true, r_pred), "mse": mean_squared_error(r_true, r_pred)},
        "scaling": {"X": X.tolist(), "standard": StandardScaler().fit_transform(X).tolist(),
                    "minMax": MinMaxScaler(feature_range=(-1, 1)).fit_transform(X).tolist()},
    }


def mlp_fixtures():
    """Small MLPs (adam) on the fixed split: test accuracy / R² to compare training quality."""
    from sklearn.neural_network import MLPClassifier, MLPRegressor

    out = {"versions": {"sklearn": sklearn.__version__}}
    Xtr, ytr, Xte, yte = split(*load("breast_cancer"), scale=True)
    m = MLPClassifier(hidden_layer_sizes=(16,), learning_rate_init=0.05, max_iter=20, random_state=0).fit(Xtr, ytr)
    out["breast_cancer"] = {"accuracy": float(m.score(Xte, yte))}
    Xtr, ytr, Xte, yte = split(*load("wine"), scale=True)
    m = MLPClassifier(hidden_layer_sizes=(16,), learning_rate_init=0.05, max_iter=20, random_state=0).fit(Xtr, ytr)
    out["wine"] = {"accuracy": float(m.score(Xte, yte))}
    Xtr, ytr, Xte, yte = split(*load("diabetes"), scale=True)
    m = MLPRegressor(hidden_layer_sizes=(16,), learning_rate_init=0.2, max_iter=40, random_state=0).fit(Xtr, ytr)
    out["diabetes"] = {"r2": float(m.score(Xte, yte))}
    return out


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))


if __name__ == "__main__":
    write("sklearn-linear.json", linear_fixtures())
    write("sklearn-trees.json", tree_fixtures())
    write("sklearn-cv.json", cv_fixtures())
    write("sklearn-utilities.json", utility_fixtures())
    write("sklearn-mlp.json", mlp_fixtures())
    write("sklearn-datasets-cv.json", dataset_cv_fixtures())
