import pytest

from newsprism.stories.metrics import adjusted_rand, b_cubed, labels_from_clusters, v_measure


def test_perfect_clustering_scores_one_whatever_the_names():
    gold = ["a", "a", "b", "b", "c"]
    pred = [7, 7, 1, 1, 3]
    assert adjusted_rand(gold, pred) == pytest.approx(1.0)
    assert v_measure(gold, pred)[2] == pytest.approx(1.0)
    assert b_cubed(gold, pred)[2] == pytest.approx(1.0)


def test_adjusted_rand_by_hand():
    # contingency [[2,1],[0,2]]: index 1, sum_gold 3+1=4, sum_pred 1+3=4... worked out below
    gold = [0, 0, 0, 1, 1]
    pred = [0, 0, 1, 1, 1]
    # pairs: index = C(2,2)+C(1,2)+C(2,2) = 2; a = C(3,2)+C(2,2) = 4; b = C(2,2)+C(3,2) = 4
    # expected = 4*4/10 = 1.6; max = 4; ARI = (2-1.6)/(4-1.6) = 1/6
    assert adjusted_rand(gold, pred) == pytest.approx(1 / 6)


def test_all_in_one_cluster_has_full_recall_and_low_precision():
    gold = ["a", "a", "b", "b"]
    pred = [0, 0, 0, 0]
    precision, recall, _ = b_cubed(gold, pred)
    assert recall == 1.0 and precision == pytest.approx(0.5)
    homogeneity, completeness, _ = v_measure(gold, pred)
    assert homogeneity == pytest.approx(0.0) and completeness == 1.0


def test_labels_from_clusters_and_length_check():
    assert labels_from_clusters([["x", "y"], ["z"]]) == {"x": 0, "y": 0, "z": 1}
    with pytest.raises(ValueError):
        adjusted_rand([1, 2], [1])
