"""lgai's own checkov checks (CKV_LGAI_*), one package per checkov framework.

checkov loads every `.py` file in rules/checkov/<framework>/ with `load_external_checks`
(checker/iac/scan.py keeps only the CKV_LGAI_* ids); each module registers its check with a
module-level `check = ...`. The files are named `_lgai_*.py` so that lgai's rule-pack loader,
which reads `rules/**/*.py` as Python rules and skips names starting with `_`, leaves them to
checkov. rules/checkov_map.yaml maps each check to the requirement it evidences.
"""
