nums = [1, 2, 3]
i = 3
print(nums[i] * 2)
